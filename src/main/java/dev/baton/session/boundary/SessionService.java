package dev.baton.session.boundary;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.control.DeviceGate;
import dev.baton.device.entity.Device;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Tokens;
import dev.baton.session.control.SessionAccess;
import dev.baton.session.control.SessionEndings;
import dev.baton.session.control.SessionSettings;
import dev.baton.session.entity.Session;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Opening, reading, updating and ending sessions; each call one transaction. */
@Stateless
public class SessionService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeviceGate devices;

    @Inject
    SessionAccess access;

    @Inject
    SessionEndings endings;

    @Inject
    AuditLog audit;

    @Inject
    SessionSettings settings;

    @Inject
    Clock clock;

    /** Opens a session held by the calling device; the answer holds its session token, which is never shown again. */
    public OpenedSession open(Actor actor, String deviceToken, String application, JsonObject state) {
        Device device = devices.authenticate(actor, deviceToken);
        String token = Tokens.newToken();
        Session session = new Session(actor.user(), application, state.toString(), device.id(), Tokens.hash(token),
                clock.instant(), settings.absoluteTimeout());
        em.persist(session);
        audit.record(AuditEntry.of(AuditAction.SESSION_OPENED).by(actor).session(session.id()).device(device.id()).succeeded());
        return OpenedSession.of(SessionView.of(session, settings.idleTimeout()), token);
    }

    /** The caller's active sessions, on whichever device. */
    public List<SessionSummary> list(Actor actor) {
        Instant now = clock.instant();
        return em.createNamedQuery(Session.BY_OWNER, Session.class)
                .setParameter("owner", actor.user())
                .getResultList()
                .stream()
                .filter(s -> s.isActive(now, settings.idleTimeout()))
                .map(s -> SessionSummary.of(s, settings.idleTimeout()))
                .toList();
    }

    public SessionView get(Actor actor, String deviceToken, String id, String sessionToken) {
        Device device = devices.authenticate(actor, deviceToken);
        Session session = access.read(actor, device, id, sessionToken, clock.instant());
        return SessionView.of(session, settings.idleTimeout());
    }

    /** Replaces the state if it is still at {@code expectedVersion}, else {@code version-conflict}. */
    public SessionView replaceState(Actor actor, String deviceToken, String id, String sessionToken, long expectedVersion,
                                   JsonObject state) {
        Session session = enter(actor, deviceToken, id, sessionToken);
        if (!session.replaceState(state.toString(), expectedVersion, clock.instant())) {
            throw new BatonException(Problem.VERSION_CONFLICT,
                    "The state is at version " + session.stateVersion() + ", not " + expectedVersion + ".");
        }
        return SessionView.of(session, settings.idleTimeout());
    }

    /** Ends the session; its token dies and an open transfer of it is cancelled. */
    public void end(Actor actor, String deviceToken, String id, String sessionToken) {
        Session session = enter(actor, deviceToken, id, sessionToken);
        endings.end(actor, session, "ended-by-holder", clock.instant());
    }

    private Session enter(Actor actor, String deviceToken, String id, String sessionToken) {
        Device device = devices.authenticate(actor, deviceToken);
        return access.enter(actor, device, id, sessionToken, clock.instant());
    }
}
