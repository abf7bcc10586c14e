package dev.baton.audit.control;

import dev.baton.audit.entity.AuditChain;
import dev.baton.audit.entity.AuditRecord;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** One pass of {@link AuditChainer}, in a transaction of its own. */
@Stateless
public class AuditLinks {

    @PersistenceContext
    EntityManager em;

    /** Appends up to {@code max} committed records not yet in the chain, oldest id first; answers how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int linkNext(int max) {
        AuditChain head = em.find(AuditChain.class, AuditChain.ID, LockModeType.PESSIMISTIC_WRITE);
        List<AuditRecord> pending = em.createNamedQuery(AuditRecord.UNLINKED, AuditRecord.class)
                .setMaxResults(max)
                .getResultList();
        pending.forEach(head::append);
        return pending.size();
    }
}
