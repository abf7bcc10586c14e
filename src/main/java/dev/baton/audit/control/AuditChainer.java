package dev.baton.audit.control;

import dev.baton.audit.entity.AuditChain;
import dev.baton.audit.entity.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Chains the audit records of a transaction just before it commits. The chain's head is the last
 * lock a transaction takes, after everything else has been written, so records are numbered in
 * commit order on every node and a transaction holding the head never waits for another lock.
 * A refusal audited in its own transaction links at its own commit, which the step it refused
 * does not hold up.
 */
@ApplicationScoped
public class AuditChainer {

    @PersistenceContext
    EntityManager em;

    void link(@Observes(during = TransactionPhase.BEFORE_COMPLETION) AuditRecord record) {
        em.flush();
        em.find(AuditChain.class, AuditChain.ID, LockModeType.PESSIMISTIC_WRITE).append(record);
        em.flush();
    }
}
