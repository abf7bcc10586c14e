package dev.baton.transfer.boundary;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.control.DeviceGate;
import dev.baton.device.entity.Device;
import dev.baton.events.control.DeviceEvent;
import dev.baton.platform.json.Jsons;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.CommittedRefusal;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.AccessTokens;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Tokens;
import dev.baton.prohibition.control.Prohibitions;
import dev.baton.prohibition.entity.Prohibition;
import dev.baton.secevent.control.SecurityEvent;
import dev.baton.session.boundary.SessionView;
import dev.baton.session.control.SessionAccess;
import dev.baton.session.control.SessionSettings;
import dev.baton.session.entity.Session;
import dev.baton.transfer.control.ClaimCodes;
import dev.baton.transfer.control.Revocations;
import dev.baton.transfer.control.TransferSettings;
import dev.baton.transfer.control.Transfers;
import dev.baton.transfer.entity.Transfer;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;

/**
 * The two steps at the target device that hand out secrets: the claim (fresh sign-in, device token
 * and claim code buy the session information and a restore token) and the restore (which binds the
 * session to the target, rotates its token and keeps the source device out). Each is one
 * transaction on a locked transfer, so under a race exactly one caller wins.
 */
@Stateless
public class HandoverService {

    @Inject
    DeviceGate devices;

    @Inject
    ClaimCodes claimCodes;

    @Inject
    SessionAccess access;

    @Inject
    Transfers transfers;

    @Inject
    Revocations revocations;

    @Inject
    Prohibitions prohibitions;

    @Inject
    AuditLog audit;

    @Inject
    TransferSettings settings;

    @Inject
    SessionSettings sessionSettings;

    @Inject
    Clock clock;

    @Inject
    Event<DeviceEvent> events;

    @Inject
    Event<SecurityEvent> securityEvents;

    public ClaimedTransfer claim(Actor actor, String deviceToken, String transferId, String claimCode) {
        Instant now = clock.instant();
        AuditEntry.Builder failure = AuditEntry.of(AuditAction.CLAIM_FAILED).by(actor).transfer(transferId);
        if (actor.signedInAt().plus(settings.claimMaxTokenAge()).isBefore(now)) {
            throw audit.refuse(failure, AccessTokens.signInAgain(settings.claimMaxTokenAge()));
        }
        Device device = devices.authenticate(actor, deviceToken);
        failure.target(device.id());
        Transfer transfer = transfers.locked(actor.user(), transferId)
                .orElseThrow(() -> audit.refuse(failure, BatonException.notFound()));
        failure.session(transfer.sessionId()).device(transfer.sourceDeviceId());
        if (!transfer.targetDeviceId().equals(device.id())) {
            throw audit.refuse(failure, Problem.TRANSFER_NOT_AUTHORIZED, "Only the target device claims a transfer.");
        }
        transfers.expireIfDue(transfer, now);
        String restoreToken = Tokens.newToken();
        Transfer.ClaimOutcome outcome = transfer.claim(claimCodes.hash(claimCode), Tokens.hash(restoreToken),
                settings.claimMaxAttempts(), now);
        switch (outcome) {
            case CLAIMED -> {
                audit.record(AuditEntry.of(AuditAction.TRANSFER_CLAIMED).by(actor).session(transfer.sessionId())
                        .transfer(transfer.id()).device(transfer.sourceDeviceId()).target(device.id()).succeeded());
                events.fire(new DeviceEvent(transfer.sourceDeviceId(), DeviceEvent.TRANSFER_CLAIMED, transfer.sessionId(),
                        transfer.id(), now));
                return new ClaimedTransfer(transfer.sessionId(), Jsons.stored(transfer.sessionInfo()), restoreToken,
                        transfer.expiresAt());
            }
            case GONE -> {
                audit.record(failure.refused(Problem.TRANSFER_GONE.code()));
                throw Transfers.gone(transfer).audited();
            }
            case NOT_APPROVED -> throw audit.refuse(failure, Problem.TRANSFER_NOT_APPROVED,
                    "The device holding the session has not approved this transfer yet.");
            default -> {
                audit.record(failure.refused(Problem.CLAIM_CODE_INVALID.code()));
                if (outcome == Transfer.ClaimOutcome.WRONG_CODE_CANCELLED) {
                    revocations.announceCancelled(actor, transfer, "too-many-attempts", now);
                    securityEvents.fire(SecurityEvent.claimAttemptsExhausted(transfer.ownerId(), transfer.sessionId(),
                            transfer.id(), transfer.sourceDeviceId(), transfer.targetDeviceId(), transfer.failedAttempts(), now));
                }
                throw new CommittedRefusal(Problem.CLAIM_CODE_INVALID, "Wrong claim code.").audited();
            }
        }
    }

    public RestoredSession restore(Actor actor, String deviceToken, String sessionId, String restoreToken, JsonObject sessionInfo) {
        Instant now = clock.instant();
        Device device = devices.authenticate(actor, deviceToken);
        Session session = access.locked(actor.user(), sessionId).orElseThrow(BatonException::notFound);
        AuditEntry.Builder failure = AuditEntry.of(AuditAction.SESSION_RESTORED).by(actor).session(session.id()).target(device.id());
        Transfer transfer = transfers.latestOf(session.id())
                .orElseThrow(() -> audit.refuse(failure, Problem.RESTORE_TOKEN_INVALID, "No claimed transfer for this session."));
        failure.transfer(transfer.id()).device(transfer.sourceDeviceId());
        if (!transfer.targetDeviceId().equals(device.id())) {
            throw audit.refuse(failure, Problem.TRANSFER_NOT_AUTHORIZED, "Only the target device restores a transfer.");
        }
        if (transfers.expireIfDue(transfer, now) || !transfer.isOpen()) {
            audit.record(failure.refused(Problem.TRANSFER_GONE.code()));
            throw Transfers.gone(transfer);
        }
        if (!transfer.restorableWith(restoreToken, now)) {
            throw audit.refuse(failure, Problem.RESTORE_TOKEN_INVALID, "Wrong restore token.");
        }
        if (!Jsons.stored(transfer.sessionInfo()).equals(sessionInfo)) {
            throw audit.refuse(failure, Problem.SESSION_INFO_INVALID, "The session information differs from what was claimed.");
        }
        if (!session.isActive(now, sessionSettings.idleTimeout())) {
            throw audit.refuse(failure, Problem.SESSION_NOT_ACTIVE, "The session has ended or timed out.");
        }
        String sessionToken = Tokens.newToken();
        session.moveTo(device.id(), Tokens.hash(sessionToken), now);
        transfer.complete(now);
        Prohibition prohibition = prohibitions.start(actor.user(), session.id(), transfer.sourceDeviceId(), transfer.id(), now);
        audit.record(AuditEntry.of(AuditAction.SESSION_RESTORED).by(actor).session(session.id()).transfer(transfer.id())
                .device(transfer.sourceDeviceId()).target(device.id()).succeeded());
        events.fire(new DeviceEvent(transfer.sourceDeviceId(), DeviceEvent.SESSION_MOVED, session.id(), transfer.id(), now));
        securityEvents.fire(SecurityEvent.sessionTransferred(actor.user(), session.id(), transfer.id(), transfer.sourceDeviceId(),
                device.id(), prohibition.untilAt(), now));
        return RestoredSession.of(SessionView.of(session, sessionSettings.idleTimeout()), sessionToken, prohibition);
    }
}
