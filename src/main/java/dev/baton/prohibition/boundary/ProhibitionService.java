package dev.baton.prohibition.boundary;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.events.control.DeviceEvent;
import dev.baton.prohibition.entity.Prohibition;
import dev.baton.secevent.control.SecurityEvent;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ends prohibitions: marks the end, audits {@code PROHIBITION_ENDED} and tells the device — once,
 * however many timers or nodes try, because only the update that finds the row unmarked proceeds.
 */
@Stateless
public class ProhibitionService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Event<DeviceEvent> events;

    @Inject
    Event<SecurityEvent> securityEvents;

    /** Ends one prohibition if it is due and not yet ended; answers whether this call ended it. */
    public boolean end(String prohibitionId) {
        Prohibition prohibition = em.find(Prohibition.class, prohibitionId);
        Instant now = clock.instant();
        if (prohibition == null || prohibition.endedAt() != null || prohibition.holdsAt(now)) {
            return false;
        }
        int marked = em.createNamedQuery(Prohibition.MARK_ENDED)
                .setParameter("id", prohibitionId)
                .setParameter("now", now)
                .executeUpdate();
        if (marked == 0) {
            return false;
        }
        audit.record(AuditEntry.of(AuditAction.PROHIBITION_ENDED).by(prohibition.ownerId()).session(prohibition.sessionId())
                .transfer(prohibition.transferId()).device(prohibition.deviceId()).succeeded());
        events.fire(new DeviceEvent(prohibition.deviceId(), DeviceEvent.PROHIBITION_ENDED, prohibition.sessionId(),
                prohibition.transferId(), now));
        securityEvents.fire(SecurityEvent.prohibitionEnded(prohibition.ownerId(), prohibition.sessionId(), prohibition.transferId(),
                prohibition.deviceId(), now));
        return true;
    }

    /** Ends every prohibition past its time whose end is not processed yet. */
    public void endDue() {
        em.createNamedQuery(Prohibition.DUE, String.class)
                .setParameter("now", clock.instant())
                .setMaxResults(500)
                .getResultList()
                .forEach(this::end);
    }

    /** The end of a prohibition not yet processed and still ahead. */
    public Optional<Instant> pendingUntil(String prohibitionId) {
        return Optional.ofNullable(em.find(Prohibition.class, prohibitionId))
                .filter(p -> p.endedAt() == null && p.holdsAt(clock.instant()))
                .map(Prohibition::untilAt);
    }

    /** Prohibitions whose end is not processed yet and comes before {@code before}: the ones to arm timers for. */
    public List<Pending> unprocessedBefore(Instant before) {
        return em.createNamedQuery(Prohibition.UNPROCESSED, Prohibition.class)
                .setParameter("before", before)
                .getResultList()
                .stream()
                .map(p -> new Pending(p.id(), p.untilAt()))
                .toList();
    }

    public record Pending(String id, Instant until) {
    }
}
