package dev.baton.ops.control;

import dev.baton.prohibition.entity.Prohibition;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** The prohibitions in force now, on the whole cluster (they are rows of the shared database). */
@Stateless
public class ActiveProhibitions {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(Instant now) {
        return em.createNamedQuery(Prohibition.ACTIVE_COUNT, Long.class).setParameter("now", now).getSingleResult();
    }
}
