package dev.baton.session.control;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.control.DeviceRevoked;
import dev.baton.events.control.DeviceEvent;
import dev.baton.platform.security.Actor;
import dev.baton.session.entity.Session;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Ends sessions, the same whoever ends one: its holder, its device's revocation, an admin. Inside the
 * caller's transaction, {@link SessionEnding} goes out first (open transfers are cancelled), then the
 * session's token dies, the end is audited and the holder hears {@code session-ended}.
 */
@Dependent
public class SessionEndings {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<SessionEnding> ending;

    @Inject
    Event<DeviceEvent> events;

    /** Ends a session its caller has locked; {@code reason} goes to the audit and to the holder. */
    public void end(Actor actor, Session session, String reason, Instant now) {
        ending.fire(new SessionEnding(actor, session, reason, now));
        if (session.end(now)) {
            audit.record(AuditEntry.of(AuditAction.SESSION_ENDED).by(actor).subject(session.ownerId()).session(session.id())
                    .device(session.holderDeviceId()).succeeded(reason));
            events.fire(new DeviceEvent(session.holderDeviceId(), DeviceEvent.SESSION_ENDED, session.id(), null, now, reason));
        }
    }

    /** A revoked device's sessions end with it. */
    void deviceRevoked(@Observes @Priority(DeviceRevoked.SESSIONS) DeviceRevoked revoked) {
        em.createNamedQuery(Session.HELD_BY, Session.class)
                .setParameter("device", revoked.device().id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(s -> end(revoked.actor(), s, DeviceRevoked.REASON, revoked.at()));
    }
}
