package dev.baton.prohibition.control;

import dev.baton.prohibition.entity.Prohibition;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The prohibition rule, inside the caller's transaction: a device that handed a session on stays
 * out of it for {@code baton.prohibition.period} from the restore, whatever it shows; this finds the
 * prohibitions that hold and starts new ones.
 */
@Dependent
public class Prohibitions {

    @PersistenceContext
    EntityManager em;

    @Inject
    ProhibitionSettings settings;

    @Inject
    Event<ProhibitionStarted> started;

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

    /**
     * Keeps {@code deviceId}, which handed {@code sessionId} on by {@code transferId}, out of it from
     * {@code now} for the prohibition period; once the transaction commits every node arms its end.
     */
    public Prohibition start(String ownerId, String sessionId, String deviceId, String transferId, Instant now) {
        Prohibition prohibition = new Prohibition(ownerId, sessionId, deviceId, transferId, now, now.plus(settings.period()));
        em.persist(prohibition);
        started.fire(new ProhibitionStarted(prohibition.id(), prohibition.untilAt()));
        return prohibition;
    }
}
