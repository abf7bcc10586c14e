package dev.baton.transfer.boundary;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.control.DeviceGate;
import dev.baton.device.entity.Device;
import dev.baton.events.control.DeviceEvent;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Tokens;
import dev.baton.prohibition.control.Prohibitions;
import dev.baton.secevent.control.SecurityEvent;
import dev.baton.session.control.SessionAccess;
import dev.baton.session.entity.Session;
import dev.baton.transfer.control.ClaimCodes;
import dev.baton.transfer.control.Revocations;
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
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * The transfer flow's requests, reads and cancellations, each one transaction. Claim and restore,
 * the steps that hand out secrets, are {@link HandoverService}; pulls asked by the target and
 * approved by the holder, {@link PullService}.
 */
@Stateless
public class TransferService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeviceGate devices;

    @Inject
    ClaimCodes claimCodes;

    @Inject
    SessionAccess access;

    @Inject
    Prohibitions prohibitions;

    @Inject
    Transfers transfers;

    @Inject
    Revocations revocations;

    @Inject
    AuditLog audit;

    @Inject
    TransferSettings settings;

    @Inject
    Clock clock;

    @Inject
    Event<DeviceEvent> events;

    @Inject
    Event<SecurityEvent> securityEvents;

    /**
     * The first request: the holding device offers its session to {@code targetDeviceId}. Policy
     * decides from the two devices before anything is stored; a refusal stores nothing but its audit.
     */
    public ClaimableTransfer request(Actor actor, String deviceToken, String sessionId, String sessionToken,
                                     String targetDeviceId, JsonObject sessionInfo, URI baseUri) {
        Instant now = clock.instant();
        Device source = devices.authenticate(actor, deviceToken);
        Session session = access.enter(actor, source, sessionId, sessionToken, now);
        AuditEntry.Builder refusal = AuditEntry.of(AuditAction.TRANSFER_REFUSED).by(actor).session(session.id())
                .device(source.id()).target(targetDeviceId);
        Decision decision = TransferPolicy.decide(actor, source, devices.own(actor.user(), targetDeviceId),
                settings.allowedKinds(session.application()));
        if (decision != Decision.ALLOWED) {
            throw audit.refuse(refusal, decision.problem(), decision.detail());
        }
        if (prohibitions.holding(session.id(), targetDeviceId, now).isPresent()) {
            throw audit.refuse(refusal, Problem.TARGET_PROHIBITED, "The target device is kept out of this session for now.");
        }
        if (transfers.openOf(session.id(), now).isPresent()) {
            throw audit.refuse(refusal, Problem.TRANSFER_IN_PROGRESS, "This session already has an open transfer.");
        }
        String code = Tokens.newClaimCode();
        Transfer transfer = new Transfer(actor.user(), session.id(), source.id(), targetDeviceId, sessionInfo.toString(),
                claimCodes.hash(code), now, now.plus(settings.ttl()));
        em.persist(transfer);
        audit.record(AuditEntry.of(AuditAction.TRANSFER_REQUESTED).by(actor).session(session.id())
                .transfer(transfer.id()).device(source.id()).target(targetDeviceId).succeeded());
        events.fire(new DeviceEvent(targetDeviceId, DeviceEvent.TRANSFER_OFFERED, session.id(), transfer.id(), now));
        return ClaimableTransfer.of(transfer, code, baseUri);
    }

    /** A transfer as its source or target device sees it. */
    public TransferView get(Actor actor, String deviceToken, String transferId) {
        Device device = devices.authenticate(actor, deviceToken);
        Transfer transfer = transfers.locked(actor.user(), transferId).orElseThrow(BatonException::notFound);
        if (!transfer.involves(device.id())) {
            throw new BatonException(Problem.TRANSFER_NOT_AUTHORIZED, "Only the source and target devices see a transfer.");
        }
        transfers.expireIfDue(transfer, clock.instant());
        return TransferView.of(transfer);
    }

    /**
     * The device that asked for the transfer withdraws it: the source its offer, the target of a pull
     * its request; the source of a pull may also cancel the code it shows once it has approved.
     */
    public void cancel(Actor actor, String deviceToken, String transferId) {
        end(actor, deviceToken, transferId, Transfer::cancellableBy,
                (transfer, device) -> transfer.sourceDeviceId().equals(device) ? "cancelled-by-source" : "withdrawn-by-target",
                "Only the device that asked for a transfer cancels it.");
    }

    /**
     * The target device refuses the offer ("not me": the user did not ask for it). The transfer is
     * cancelled and both devices are told why, so the source can warn its user; the security team
     * hears of it too ({@code transfer-denied}).
     */
    public void decline(Actor actor, String deviceToken, String transferId) {
        Transfer declined = end(actor, deviceToken, transferId, (transfer, device) -> transfer.targetDeviceId().equals(device),
                (transfer, device) -> "declined-by-target", "Only the target device declines a transfer.");
        securityEvents.fire(SecurityEvent.transferDenied(actor.user(), declined.sessionId(), declined.id(),
                declined.sourceDeviceId(), declined.targetDeviceId(), declined.targetDeviceId(), "declined-by-target",
                clock.instant()));
    }

    private Transfer end(Actor actor, String deviceToken, String transferId, BiPredicate<Transfer, String> entitled,
                         BiFunction<Transfer, String, String> reason, String refusal) {
        Instant now = clock.instant();
        Device device = devices.authenticate(actor, deviceToken);
        Transfer transfer = transfers.locked(actor.user(), transferId).orElseThrow(BatonException::notFound);
        if (!entitled.test(transfer, device.id())) {
            throw new BatonException(Problem.TRANSFER_NOT_AUTHORIZED, refusal);
        }
        if (transfers.expireIfDue(transfer, now) || !transfer.isOpen()) {
            throw Transfers.gone(transfer);
        }
        revocations.cancel(actor, transfer, reason.apply(transfer, device.id()), now);
        return transfer;
    }

    /** Expires every open transfer past its time; the sweep timer calls it. */
    public void expireDue() {
        Instant now = clock.instant();
        transfers.dueIds(now).forEach(id -> transfers.locked(id).ifPresent(t -> transfers.expireIfDue(t, now)));
    }
}
