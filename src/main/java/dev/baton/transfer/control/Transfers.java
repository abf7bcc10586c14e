package dev.baton.transfer.control;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.events.control.DeviceEvent;
import dev.baton.platform.json.JsonBinding;
import dev.baton.platform.persistence.Ids;
import dev.baton.platform.problem.CommittedRefusal;
import dev.baton.platform.problem.Problem;
import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Finds transfers (locked for the caller's transaction) and expires the ones past their time. */
@Dependent
public class Transfers {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<DeviceEvent> events;

    public Optional<Transfer> locked(String transferId) {
        return Ids.valid(transferId)
                ? Optional.ofNullable(em.find(Transfer.class, transferId, LockModeType.PESSIMISTIC_WRITE))
                : Optional.empty();
    }

    /** The caller's transfer, locked; another user's answers like a missing one. */
    public Optional<Transfer> locked(String user, String transferId) {
        return locked(transferId).filter(t -> t.ownerId().equals(user));
    }

    /**
     * The id of the session a transfer of the caller's moves, read without locking anything: so that
     * a step may lock the session before the transfer, in the order every step on a session takes.
     */
    public Optional<String> sessionOf(String user, String transferId) {
        if (!Ids.valid(transferId)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Transfer.SESSION_OF, String.class)
                .setParameter("id", transferId)
                .setParameter("owner", user)
                .getResultList()
                .stream()
                .findFirst();
    }

    /**
     * The session's open transfer, locked, if one is still open at {@code now}. Its id is found
     * first, then it is read and locked in one step (locking an entity already read fails if it
     * changed in between); a query with a lock mode cost Hibernate a new plan at every call.
     */
    public Optional<Transfer> openOf(String sessionId, Instant now) {
        return em.createNamedQuery(Transfer.OPEN_IDS_OF_SESSION, String.class)
                .setParameter("session", sessionId)
                .setParameter("open", TransferStatus.OPEN)
                .getResultList()
                .stream()
                .flatMap(id -> locked(id).stream())
                .filter(t -> t.status().isOpen() && !expireIfDue(t, now))
                .findFirst();
    }

    /** The session's most recent transfer, locked. */
    public Optional<Transfer> latestOf(String sessionId) {
        return em.createNamedQuery(Transfer.LATEST_OF_SESSION, String.class)
                .setParameter("session", sessionId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .flatMap(this::locked);
    }

    public List<String> dueIds(Instant now) {
        return em.createNamedQuery(Transfer.DUE, String.class)
                .setParameter("open", TransferStatus.OPEN)
                .setParameter("now", now)
                .setMaxResults(500)
                .getResultList();
    }

    /** The answer to a step on a transfer that is over; whatever the step changed stays. */
    public static CommittedRefusal gone(Transfer transfer) {
        return new CommittedRefusal(Problem.TRANSFER_GONE,
                "The transfer is " + JsonBinding.enumValue(transfer.status()) + ".");
    }

    /** Expires an open transfer past its time, audits it and tells both devices; answers whether it did. */
    public boolean expireIfDue(Transfer transfer, Instant now) {
        if (!transfer.expireIfDue(now)) {
            return false;
        }
        audit.record(AuditEntry.of(AuditAction.TRANSFER_EXPIRED).by(transfer.ownerId()).session(transfer.sessionId()).transfer(transfer.id())
                .device(transfer.sourceDeviceId()).target(transfer.targetDeviceId()).succeeded("ttl"));
        for (String deviceId : new String[] {transfer.sourceDeviceId(), transfer.targetDeviceId()}) {
            events.fire(new DeviceEvent(deviceId, DeviceEvent.TRANSFER_EXPIRED, transfer.sessionId(), transfer.id(), now));
        }
        return true;
    }
}
