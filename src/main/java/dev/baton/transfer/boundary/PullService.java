package dev.baton.transfer.boundary;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.control.DeviceGate;
import dev.baton.device.entity.Device;
import dev.baton.events.control.DeviceEvent;
import dev.baton.platform.json.JsonBinding;
import dev.baton.platform.json.Jsons;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.CommittedRefusal;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Tokens;
import dev.baton.secevent.control.SecurityEvent;
import dev.baton.session.control.SessionAccess;
import dev.baton.session.control.SessionSettings;
import dev.baton.session.entity.Session;
import dev.baton.transfer.control.ClaimCodes;
import dev.baton.transfer.control.SessionInfo;
import dev.baton.transfer.control.TransferPolicy;
import dev.baton.transfer.control.TransferPolicy.Decision;
import dev.baton.transfer.control.TransferSettings;
import dev.baton.transfer.control.Transfers;
import dev.baton.transfer.entity.Transfer;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Pull transfers ("continue here"): a device of the user asks for a session another
 * device holds, and the holder approves (with the session information and a fresh claim code, as a
 * push's request has them) or denies. An approved pull is claimed and restored as a push
 * ({@link HandoverService}). Each step is one transaction; a step on a session locks the session
 * before its transfer, as the push's request does, so one session has at most one open transfer of
 * either direction.
 */
@Stateless
public class PullService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeviceGate devices;

    @Inject
    ClaimCodes claimCodes;

    @Inject
    SessionAccess access;

    @Inject
    Transfers transfers;

    @Inject
    AuditLog audit;

    @Inject
    TransferSettings settings;

    @Inject
    SessionSettings sessionSettings;

    @Inject
    Clock clock;

    @Inject
    Event<SecurityEvent> securityEvents;

    @Inject
    Event<DeviceEvent> events;

    /**
     * The calling device asks for {@code sessionId}. A session of another user, or one no longer
     * active, answers like a missing one; a device kept out of the session is told so; policy decides
     * from the two devices, as for a push; the holder hears {@code transfer-requested} naming the caller.
     */
    public TransferView request(Actor actor, String deviceToken, String sessionId) {
        Instant now = clock.instant();
        Device target = devices.authenticate(actor, deviceToken);
        Session session = access.locked(actor.user(), sessionId)
                .filter(s -> s.isActive(now, sessionSettings.idleTimeout()))
                .orElseThrow(BatonException::notFound);
        access.keepOut(actor, target, session, now);
        AuditEntry.Builder refusal = AuditEntry.of(AuditAction.PULL_REQUESTED).by(actor).session(session.id())
                .device(session.holderDeviceId()).target(target.id());
        Device holder = devices.own(actor.user(), session.holderDeviceId()).orElseThrow(BatonException::notFound);
        Decision decision = TransferPolicy.decide(actor, holder, Optional.of(target), settings.allowedKinds(session.application()));
        if (decision != Decision.ALLOWED) {
            throw audit.refuse(refusal, decision.problem(), decision.detail());
        }
        if (transfers.openOf(session.id(), now).isPresent()) {
            throw audit.refuse(refusal, Problem.TRANSFER_IN_PROGRESS, "This session already has an open transfer.");
        }
        Transfer transfer = Transfer.pull(actor.user(), session.id(), holder.id(), target.id(), now, now.plus(settings.ttl()));
        em.persist(transfer);
        audit.record(AuditEntry.of(AuditAction.PULL_REQUESTED).by(actor).session(session.id()).transfer(transfer.id())
                .device(holder.id()).target(target.id()).succeeded());
        JsonObject asker = Jsons.object("id", target.id(), "name", target.name(), "kind", target.kind(), "platform", target.platform());
        events.fire(new DeviceEvent(holder.id(), DeviceEvent.TRANSFER_REQUESTED, session.id(), transfer.id(), now, null,
                Jsons.object("targetDevice", asker)));
        return TransferView.of(transfer);
    }

    /**
     * The holder approves: with its session token and the session information of
     * {@code Baton-Session-Info}, it turns the pull into a pending transfer with a claim code, which
     * it shows its user to type at the target. The claim window starts now.
     */
    public ClaimableTransfer approve(Actor actor, String deviceToken, String transferId, String sessionToken,
                                     String sessionInfo, URI baseUri) {
        Instant now = clock.instant();
        Device device = devices.authenticate(actor, deviceToken);
        Session session = transfers.sessionOf(actor.user(), transferId)
                .flatMap(id -> access.locked(actor.user(), id))
                .orElseThrow(BatonException::notFound);
        Transfer transfer = transfers.locked(actor.user(), transferId).orElseThrow(BatonException::notFound);
        AuditEntry.Builder refusal = holderOnly(AuditAction.PULL_APPROVED, actor, device, transfer);
        access.enter(actor, device, session, sessionToken, now);
        JsonObject info = SessionInfo.decode(sessionInfo, settings.sessionInfoMaxBytes());
        String code = Tokens.newClaimCode();
        boolean approved = !transfers.expireIfDue(transfer, now)
                && transfer.approve(info.toString(), claimCodes.hash(code), now, now.plus(settings.ttl()));
        if (!approved) {
            throw gone(refusal, transfer);
        }
        audit.record(AuditEntry.of(AuditAction.PULL_APPROVED).by(actor).session(session.id()).transfer(transfer.id())
                .device(device.id()).target(transfer.targetDeviceId()).succeeded());
        events.fire(new DeviceEvent(transfer.targetDeviceId(), DeviceEvent.TRANSFER_APPROVED, session.id(), transfer.id(), now));
        return ClaimableTransfer.of(transfer, code, baseUri);
    }

    /** The holder refuses the pull: {@code denied}, and both devices hear {@code transfer-denied}. */
    public TransferView deny(Actor actor, String deviceToken, String transferId) {
        Instant now = clock.instant();
        Device device = devices.authenticate(actor, deviceToken);
        Transfer transfer = transfers.locked(actor.user(), transferId).orElseThrow(BatonException::notFound);
        AuditEntry.Builder refusal = holderOnly(AuditAction.PULL_DENIED, actor, device, transfer);
        if (transfers.expireIfDue(transfer, now) || !transfer.deny(now)) {
            throw gone(refusal, transfer);
        }
        audit.record(AuditEntry.of(AuditAction.PULL_DENIED).by(actor).session(transfer.sessionId()).transfer(transfer.id())
                .device(device.id()).target(transfer.targetDeviceId()).succeeded("denied-by-holder"));
        securityEvents.fire(SecurityEvent.transferDenied(actor.user(), transfer.sessionId(), transfer.id(),
                transfer.sourceDeviceId(), transfer.targetDeviceId(), device.id(), "denied-by-holder", now));
        for (String deviceId : new String[] {transfer.sourceDeviceId(), transfer.targetDeviceId()}) {
            events.fire(new DeviceEvent(deviceId, DeviceEvent.TRANSFER_DENIED, transfer.sessionId(), transfer.id(), now,
                    "denied-by-holder"));
        }
        return TransferView.of(transfer);
    }

    /**
     * Only the device holding the session answers a pull: anyone else, the asking device included,
     * is refused and audited, the refused device named. Answers the entry for a later refusal.
     */
    private AuditEntry.Builder holderOnly(AuditAction action, Actor actor, Device device, Transfer transfer) {
        AuditEntry.Builder refusal = AuditEntry.of(action).by(actor).session(transfer.sessionId()).transfer(transfer.id())
                .device(device.id()).target(transfer.targetDeviceId());
        if (!transfer.isPull() || !transfer.sourceDeviceId().equals(device.id())) {
            throw audit.refuse(refusal, Problem.TRANSFER_NOT_AUTHORIZED,
                    transfer.isPull() ? "Only the device holding the session answers a pull." : "Only a pull awaits approval.");
        }
        return refusal;
    }

    /** A pull no longer awaiting approval: audited, and an expiry found on the way stays. */
    private BatonException gone(AuditEntry.Builder refusal, Transfer transfer) {
        audit.record(refusal.refused(Problem.TRANSFER_GONE.code()));
        return new CommittedRefusal(Problem.TRANSFER_GONE, "The transfer is " + JsonBinding.enumValue(transfer.status())
                + ", no longer awaiting approval.").audited();
    }
}
