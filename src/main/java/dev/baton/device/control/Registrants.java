package dev.baton.device.control;

import dev.baton.device.entity.Registrant;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** The per-user lock that serializes device registrations (see {@link Registrant}). */
@Stateless
public class Registrants {

    @PersistenceContext
    EntityManager em;

    @Inject
    Registrants self;

    /** Takes the user's lock for the rest of the caller's transaction, creating it on first use. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lock(String user) {
        if (em.find(Registrant.class, user, LockModeType.PESSIMISTIC_WRITE) == null) {
            try {
                self.create(user);
            } catch (EJBException createdByAConcurrentRegistration) {
                // the row is there now either way
            }
            em.find(Registrant.class, user, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String user) {
        em.persist(new Registrant(user));
    }
}
