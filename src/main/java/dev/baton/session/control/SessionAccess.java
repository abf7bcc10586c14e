package dev.baton.session.control;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.entity.Device;
import dev.baton.platform.Actor;
import dev.baton.platform.BatonException;
import dev.baton.platform.Ids;
import dev.baton.platform.Problem;
import dev.baton.platform.Settings;
import dev.baton.prohibition.control.Prohibitions;
import dev.baton.prohibition.entity.Prohibition;
import dev.baton.session.entity.Session;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of every call on a session, in the order of DESIGN.md §3: the session is the
 * caller's, the device is not prohibited from it (a prohibited device learns why, whatever token it
 * shows), the session token is the holder's current one, the session is active. The session row is
 * locked for the rest of the transaction, so concurrent calls on one session queue up.
 */
@Dependent
public class SessionAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Prohibitions prohibitions;

    @Inject
    AuditLog audit;

    @Inject
    Settings settings;

    public Session enter(Actor actor, Device device, String sessionId, String sessionToken, Instant now) {
        Session session = locked(actor.user(), sessionId).orElseThrow(BatonException::notFound);
        Optional<Prohibition> prohibition = prohibitions.holding(session.id(), device.id(), now);
        if (prohibition.isPresent()) {
            throw audit.refuse(AuditEntry.of(AuditAction.ACCESS_PROHIBITED).by(actor).session(session.id()).device(device.id()),
                    prohibited(prohibition.get(), now));
        }
        if (!session.admits(device.id(), sessionToken)) {
            throw new BatonException(Problem.SESSION_TOKEN_INVALID, "The session token is missing, unknown or no longer valid.");
        }
        if (!session.isActive(now, settings.idleTimeout())) {
            throw new BatonException(Problem.SESSION_NOT_ACTIVE, "The session has ended or timed out.");
        }
        session.touch(now);
        return session;
    }

    /** The caller's session, locked; another user's answers like a missing one. */
    public Optional<Session> locked(String user, String sessionId) {
        if (!Ids.valid(sessionId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Session.class, sessionId, LockModeType.PESSIMISTIC_WRITE))
                .filter(s -> s.isOwnedBy(user));
    }

    private static BatonException prohibited(Prohibition prohibition, Instant now) {
        return new BatonException(Problem.ACCESS_PROHIBITED,
                "This device is kept out of the session until " + prohibition.untilAt() + ".",
                Duration.between(now, prohibition.untilAt()),
                Map.of("prohibitedUntil", prohibition.untilAt().toString()));
    }
}
