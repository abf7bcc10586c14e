package dev.baton.transfer.control;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.control.DeviceRevoked;
import dev.baton.events.control.DeviceEvent;
import dev.baton.platform.security.Actor;
import dev.baton.session.control.SessionEnding;
import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferStatus;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Cancels transfers: the ones their devices withdraw or decline, and every open transfer of a session
 * that ends or of a device that is revoked, observed inside the transaction that ends or revokes it.
 * A cancellation is audited and both devices hear {@code transfer-cancelled} with its reason.
 */
@Dependent
public class Revocations {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<DeviceEvent> events;

    /** An ending session's open transfers are cancelled before it is marked ended. */
    void sessionEnding(@Observes SessionEnding ending) {
        em.createNamedQuery(Transfer.OPEN_OF_SESSION, Transfer.class)
                .setParameter("session", ending.session().id())
                .setParameter("open", TransferStatus.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(t -> cancel(ending.actor(), t, ending.reason(), ending.at()));
    }

    /** A revoked device's open transfers, either way, are cancelled once the sessions it held have ended. */
    void deviceRevoked(@Observes @Priority(DeviceRevoked.TRANSFERS) DeviceRevoked revoked) {
        em.createNamedQuery(Transfer.OPEN_OF_DEVICE, Transfer.class)
                .setParameter("device", revoked.device().id())
                .setParameter("open", TransferStatus.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(t -> cancel(revoked.actor(), t, DeviceRevoked.REASON, revoked.at()));
    }

    /** Cancels an open transfer and tells both of its devices. */
    public void cancel(Actor actor, Transfer transfer, String reason, Instant now) {
        if (transfer.cancel(now)) {
            announceCancelled(actor, transfer, reason, now);
        }
    }

    /** Audits a transfer's cancellation and tells both of its devices. */
    public void announceCancelled(Actor actor, Transfer transfer, String reason, Instant now) {
        audit.record(AuditEntry.of(AuditAction.TRANSFER_CANCELLED).by(actor).subject(transfer.ownerId()).session(transfer.sessionId())
                .transfer(transfer.id()).device(transfer.sourceDeviceId()).target(transfer.targetDeviceId())
                .succeeded(reason));
        for (String deviceId : new String[] {transfer.sourceDeviceId(), transfer.targetDeviceId()}) {
            events.fire(new DeviceEvent(deviceId, DeviceEvent.TRANSFER_CANCELLED, transfer.sessionId(), transfer.id(), now, reason));
        }
    }
}
