package dev.baton.prohibition.control;

import dev.baton.prohibition.entity.Prohibition;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Finds the prohibitions that hold, inside the caller's transaction. */
@Dependent
public class Prohibitions {

    @PersistenceContext
    EntityManager em;

    /** The prohibition keeping {@code deviceId} out of {@code sessionId} at {@code now}, if any. */
    public Optional<Prohibition> holding(String sessionId, String deviceId, Instant now) {
        return em.createNamedQuery(Prohibition.HOLDING, Prohibition.class)
                .setParameter("session", sessionId)
                .setParameter("device", deviceId)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }
}
