package dev.baton.transfer.control;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.entity.Device;
import dev.baton.events.control.DeviceEvent;
import dev.baton.platform.security.Actor;
import dev.baton.secevent.control.SecurityEvent;
import dev.baton.session.entity.Session;
import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * What ending a session or revoking a device takes down with it: open transfers are cancelled,
 * session tokens die, the holder hears {@code session-ended}. Runs inside the caller's transaction,
 * the same whoever ends the session: its holder, its device's revocation, an admin.
 */
@Dependent
public class Revocations {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<DeviceEvent> events;

    @Inject
    Event<SecurityEvent> securityEvents;

    public void endSession(Actor actor, Session session, String reason, Instant now) {
        em.createNamedQuery(Transfer.OPEN_OF_SESSION, Transfer.class)
                .setParameter("session", session.id())
                .setParameter("open", TransferStatus.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(t -> cancel(actor, t, reason, now));
        if (session.end(now)) {
            audit.record(AuditEntry.of(AuditAction.SESSION_ENDED).by(actor).subject(session.ownerId()).session(session.id())
                    .device(session.holderDeviceId()).succeeded(reason));
            events.fire(new DeviceEvent(session.holderDeviceId(), DeviceEvent.SESSION_ENDED, session.id(), null, now, reason));
        }
    }

    /** A revoked device's sessions end and its open transfers, either way, are cancelled. */
    public void release(Actor actor, Device device, Instant now) {
        em.createNamedQuery(Session.HELD_BY, Session.class)
                .setParameter("device", device.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(s -> endSession(actor, s, "device-revoked", now));
        em.createNamedQuery(Transfer.OPEN_OF_DEVICE, Transfer.class)
                .setParameter("device", device.id())
                .setParameter("open", TransferStatus.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(t -> cancel(actor, t, "device-revoked", now));
        events.fire(new DeviceEvent(device.id(), DeviceEvent.DEVICE_REVOKED, null, null, now));
        securityEvents.fire(SecurityEvent.deviceRevoked(device.ownerId(), device.id(), actor.user(), now));
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
