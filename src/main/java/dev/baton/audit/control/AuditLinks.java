package dev.baton.audit.control;

import dev.baton.audit.entity.AuditChain;
import dev.baton.audit.entity.AuditRecord;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/** One pass of {@link AuditChainer}, in a transaction of its own; and the one-time sealing of an unkeyed chain. */
@Stateless
public class AuditLinks {

    private static final Logger LOG = Logger.getLogger(AuditLinks.class.getName());
    private static final int RESEAL_PAGE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditKeyring keys;

    @Resource
    SessionContext ejb;

    /** The chain's head as it is now. */
    public AuditChain head() {
        return em.find(AuditChain.class, AuditChain.ID);
    }

    /** Appends up to {@code max} committed records not yet in the chain, oldest id first; answers how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int linkNext(int max) {
        AuditChain head = em.find(AuditChain.class, AuditChain.ID, LockModeType.PESSIMISTIC_WRITE);
        List<AuditRecord> pending = em.createNamedQuery(AuditRecord.UNLINKED, AuditRecord.class)
                .setMaxResults(max)
                .getResultList();
        pending.forEach(record -> head.append(record, keys));
        return pending.size();
    }

    /**
     * Seals the chain of records linked before audit keys existed, once, if it is intact; answers
     * whether it did. A broken one is left as it is, and verification keeps naming where it breaks.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean resealUnkeyed() {
        AuditChain head = em.find(AuditChain.class, AuditChain.ID, LockModeType.PESSIMISTIC_WRITE);
        long unsealed = em.createNamedQuery(AuditRecord.UNSEALED, Long.class).getSingleResult();
        if (unsealed == 0) {
            return false;
        }
        boolean sealed = head.reseal(after -> {
            em.flush();
            em.clear(); // pages of sealed records leave memory; the head's row stays locked
            return em.createNamedQuery(AuditRecord.CHAIN_FROM, AuditRecord.class).setParameter("after", after)
                    .setParameter("last", head.lastSeq()).setMaxResults(RESEAL_PAGE).getResultList();
        }, keys);
        em.merge(head);
        if (!sealed) {
            ejb.setRollbackOnly();
            LOG.severe(() -> "The audit chain written before audit keys is broken: it stays unsealed, and /audit/verify names where.");
        } else {
            LOG.info(() -> "Sealed the " + head.lastSeq() + " audit record(s) chained before audit keys under key " + keys.currentId());
        }
        return sealed;
    }
}
