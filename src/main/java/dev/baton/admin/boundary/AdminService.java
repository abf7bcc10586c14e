package dev.baton.admin.boundary;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.boundary.DeviceService;
import dev.baton.device.boundary.DeviceView;
import dev.baton.device.entity.Device;
import dev.baton.platform.security.Actor;
import dev.baton.prohibition.boundary.ProhibitionView;
import dev.baton.prohibition.entity.Prohibition;
import dev.baton.secevent.control.SecurityEvent;
import dev.baton.session.boundary.SessionSummary;
import dev.baton.session.control.SessionEndings;
import dev.baton.session.control.SessionSettings;
import dev.baton.session.entity.Session;
import dev.baton.transfer.boundary.TransferView;
import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferStatus;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An admin's calls on one user, each one transaction and audited with the admin as actor and the
 * user as subject. Ending and revoking take the paths the user's own calls take ({@link SessionEndings},
 * {@link DeviceService#revoke}), so their rules live in one place. Rows are locked in the order every
 * step locks them, devices, then sessions, then transfers, so an admin's call racing the user's own
 * steps waits for them or they for it, and never deadlocks with them.
 */
@Stateless
public class AdminService {

    static final String ENDED_BY_ADMIN = "ended-by-admin";

    @PersistenceContext
    EntityManager em;

    @Inject
    DeviceService devices;

    @Inject
    SessionEndings endings;

    @Inject
    AuditLog audit;

    @Inject
    SessionSettings settings;

    @Inject
    Clock clock;

    @Inject
    Event<SecurityEvent> securityEvents;

    /**
     * The user's devices (all, with their status), active sessions (without state), open transfers
     * (without codes) and prohibitions that hold now. A user Baton never saw has empty lists: Baton
     * keeps no list of users, and its answer tells no more than those lists.
     */
    public UserView user(Actor admin, UserId user) {
        Instant now = clock.instant();
        List<Device> owned = owned(user, LockModeType.NONE);
        List<Session> active = activeSessions(user, LockModeType.NONE, now);
        List<Transfer> open = em.createNamedQuery(Transfer.OPEN_OF_OWNER, Transfer.class)
                .setParameter("owner", user.value())
                .setParameter("open", TransferStatus.OPEN)
                .setParameter("now", now)
                .getResultList();
        List<Prohibition> holding = em.createNamedQuery(Prohibition.HOLDING_FOR_OWNER, Prohibition.class)
                .setParameter("owner", user.value())
                .setParameter("now", now)
                .getResultList();
        audit.record(AuditEntry.of(AuditAction.ADMIN_USER_VIEWED).by(admin).subject(user.value()).succeeded());
        return new UserView(user.value(),
                owned.stream().map(DeviceView::of).toList(),
                active.stream().map(session -> SessionSummary.of(session, settings.idleTimeout())).toList(),
                open.stream().map(TransferView::of).toList(),
                holding.stream().map(ProhibitionView::of).toList());
    }

    /** Ends every active session of the user as its holder's own end would, but for the reason {@value #ENDED_BY_ADMIN}. */
    public void endSessions(Actor admin, UserId user) {
        Instant now = clock.instant();
        List<Session> active = activeSessions(user, LockModeType.PESSIMISTIC_WRITE, now);
        active.forEach(session -> endings.end(admin, session, ENDED_BY_ADMIN, now));
        if (!active.isEmpty()) {
            securityEvents.fire(SecurityEvent.sessionsEndedByAdmin(user.value(), admin.user(),
                    active.stream().map(Session::id).toList(), now));
        }
        audit.record(AuditEntry.of(AuditAction.ADMIN_SESSIONS_ENDED).by(admin).subject(user.value())
                .succeeded("sessions ×" + active.size()));
    }

    /** Revokes every active device of the user as a revocation by its owner would. */
    public void revokeDevices(Actor admin, UserId user) {
        List<String> active = owned(user, LockModeType.PESSIMISTIC_WRITE).stream().filter(Device::isActive).map(Device::id).toList();
        activeSessions(user, LockModeType.PESSIMISTIC_WRITE, clock.instant());
        active.forEach(id -> devices.revoke(admin, id));
        audit.record(AuditEntry.of(AuditAction.ADMIN_DEVICES_REVOKED).by(admin).subject(user.value())
                .succeeded("devices ×" + active.size()));
    }

    private List<Device> owned(UserId user, LockModeType lock) {
        return em.createNamedQuery(Device.BY_OWNER, Device.class)
                .setParameter("owner", user.value())
                .setLockMode(lock)
                .getResultList();
    }

    /** The user's sessions not ended, locked as asked, of which those active at {@code now}. */
    private List<Session> activeSessions(UserId user, LockModeType lock, Instant now) {
        return em.createNamedQuery(Session.BY_OWNER, Session.class)
                .setParameter("owner", user.value())
                .setLockMode(lock)
                .getResultList()
                .stream()
                .filter(s -> s.isActive(now, settings.idleTimeout()))
                .toList();
    }
}
