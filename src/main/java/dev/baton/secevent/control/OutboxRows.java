package dev.baton.secevent.control;

import dev.baton.secevent.entity.OutboxEvent;
import dev.baton.secevent.entity.OutboxLease;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The outbox's reads and writes: an event in its change's transaction; the sender's steps each in one of their own. */
@Stateless
public class OutboxRows {

    @PersistenceContext
    EntityManager em;

    /** An event of a change, in the change's transaction: there must be one. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void add(OutboxEvent event) {
        em.persist(event);
    }

    /** An event that is no change of Baton's data, alone; unless one with its {@code jti} waits already. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean addOnce(OutboxEvent event) {
        if (em.createNamedQuery(OutboxEvent.COUNT_JTI, Long.class).setParameter("jti", event.jti()).getSingleResult() > 0) {
            return false;
        }
        em.persist(event);
        return true;
    }

    /** Takes or renews the sender's lease until {@code until}; answers whether this node holds it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean lease(String me, Instant now, Instant until) {
        return em.createNamedQuery(OutboxLease.TAKE).setParameter("me", me).setParameter("now", now).setParameter("until", until)
                .executeUpdate() == 1;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String me) {
        em.createNamedQuery(OutboxLease.RELEASE).setParameter("me", me).setParameter("past", Instant.EPOCH).executeUpdate();
    }

    /** Up to {@code max} events whose next try is due, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Pending> due(Instant now, int max) {
        return em.createNamedQuery(OutboxEvent.DUE, OutboxEvent.class).setParameter("now", now).setMaxResults(max)
                .getResultList().stream()
                .map(e -> new Pending(e.id(), e.jti(), e.eventType(), e.claims(), e.attempts()))
                .toList();
    }

    /** The webhook took it: it leaves the outbox. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delivered(long id) {
        em.createNamedQuery(OutboxEvent.DELETE).setParameter("id", id).executeUpdate();
    }

    /** A try failed: counted, the reason kept, the next try not before {@code next}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String error, Instant next) {
        em.createNamedQuery(OutboxEvent.FAILED).setParameter("id", id)
                .setParameter("error", error.length() > 255 ? error.substring(0, 255) : error)
                .setParameter("next", next).executeUpdate();
    }

    /** An event as the sender needs it. */
    public record Pending(long id, String jti, String type, String claims, int attempts) {
    }
}
