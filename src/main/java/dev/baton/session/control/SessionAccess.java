package dev.baton.session.control;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.entity.Device;
import dev.baton.platform.persistence.Ids;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
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
 * The checks of every call on a session, in this order: the session is the caller's, the device is
 * not prohibited from it (a prohibited device learns why, whatever token it shows), the session
 * token is the holder's current one, the session is active. A call that changes the session or its
 * transfers {@link #enter enters} it: the row stays locked to the end of the transaction, so such
 * calls on one session queue up. A call that only {@link #read reads} it takes no lock.
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
    SessionSettings settings;

    /** The session, checked and locked for a change; the access is recorded with the change. */
    public Session enter(Actor actor, Device device, String sessionId, String sessionToken, Instant now) {
        return enter(actor, device, locked(actor.user(), sessionId).orElseThrow(BatonException::notFound), sessionToken, now);
    }

    /** The same checks on a session the caller has {@link #locked locked} already. */
    public Session enter(Actor actor, Device device, Session locked, String sessionToken, Instant now) {
        admit(actor, device, locked, sessionToken, now);
        if (locked.activityDue(now, settings.idleTimeout())) {
            locked.touch(now);
        }
        return locked;
    }

    /**
     * The session, checked, as last committed: a read racing a move answers as before it or after
     * it, never half of each. Nothing is written unless the access is due to be recorded, and then
     * outside the row's version (the answer is detached), so a concurrent step never fails on it.
     */
    public Session read(Actor actor, Device device, String sessionId, String sessionToken, Instant now) {
        Session session = own(actor.user(), sessionId).orElseThrow(BatonException::notFound);
        admit(actor, device, session, sessionToken, now);
        if (session.activityDue(now, settings.idleTimeout())) {
            em.detach(session);
            em.createNamedQuery(Session.MARK_ACTIVE)
                    .setParameter("id", session.id())
                    .setParameter("now", now)
                    .setParameter("stale", now.minus(Session.activityResolution(settings.idleTimeout())))
                    .executeUpdate();
            session.touch(now);
        }
        return session;
    }

    private void admit(Actor actor, Device device, Session session, String sessionToken, Instant now) {
        keepOut(actor, device, session, now);
        if (!session.admits(device.id(), sessionToken)) {
            throw new BatonException(Problem.SESSION_TOKEN_INVALID, "The session token is missing, unknown or no longer valid.");
        }
        if (!session.isActive(now, settings.idleTimeout())) {
            throw new BatonException(Problem.SESSION_NOT_ACTIVE, "The session has ended or timed out.");
        }
    }

    /**
     * Refuses a device inside a prohibition window of the session ({@code access-prohibited}, audited),
     * whatever it asks of it: reading it, or asking for it back ("continue here").
     */
    public void keepOut(Actor actor, Device device, Session session, Instant now) {
        Optional<Prohibition> prohibition = prohibitions.holding(session.id(), device.id(), now);
        if (prohibition.isPresent()) {
            throw audit.refuse(AuditEntry.of(AuditAction.ACCESS_PROHIBITED).by(actor).session(session.id()).device(device.id()),
                    prohibited(prohibition.get(), now));
        }
    }

    /** The caller's session, locked; another user's answers like a missing one. */
    public Optional<Session> locked(String user, String sessionId) {
        if (!Ids.valid(sessionId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Session.class, sessionId, LockModeType.PESSIMISTIC_WRITE))
                .filter(s -> s.isOwnedBy(user));
    }

    private Optional<Session> own(String user, String sessionId) {
        return Ids.valid(sessionId)
                ? Optional.ofNullable(em.find(Session.class, sessionId)).filter(s -> s.isOwnedBy(user))
                : Optional.empty();
    }

    private static BatonException prohibited(Prohibition prohibition, Instant now) {
        return new BatonException(Problem.ACCESS_PROHIBITED,
                "This device is kept out of the session until " + prohibition.untilAt() + ".",
                Duration.between(now, prohibition.untilAt()),
                Map.of("prohibitedUntil", prohibition.untilAt().toString()));
    }
}
