package dev.baton.device.boundary;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.control.DeviceGate;
import dev.baton.device.control.DeviceRevoked;
import dev.baton.device.control.DeviceSettings;
import dev.baton.device.control.Registrants;
import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKey;
import dev.baton.device.entity.DeviceKind;
import dev.baton.events.control.DeviceEvent;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Tokens;
import dev.baton.secevent.control.SecurityEvent;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Registering, listing and revoking devices; each call one transaction. */
@Stateless
public class DeviceService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeviceGate gate;

    @Inject
    Event<DeviceRevoked> revoked;

    @Inject
    Event<DeviceEvent> events;

    @Inject
    Event<SecurityEvent> securityEvents;

    @Inject
    Registrants registrants;

    @Inject
    AuditLog audit;

    @Inject
    DeviceSettings settings;

    @Inject
    Clock clock;

    /** Registers a device; the answer holds its device token, which is never shown again. */
    public RegisteredDevice register(Actor actor, String name, DeviceKind kind, String platform, DeviceKey key) {
        registrants.lock(actor.user());
        long active = em.createNamedQuery(Device.COUNT_ACTIVE, Long.class)
                .setParameter("owner", actor.user())
                .setParameter("status", Device.Status.ACTIVE)
                .getSingleResult();
        if (active >= settings.maxDevicesPerUser()) {
            throw audit.refuse(AuditEntry.of(AuditAction.DEVICE_REGISTERED).by(actor), Problem.DEVICE_LIMIT_REACHED,
                    "At most " + settings.maxDevicesPerUser() + " devices per user; revoke one first.");
        }
        String token = Tokens.newToken();
        Device device = new Device(actor.user(), name, kind, platform, Tokens.hash(token), key, clock.instant());
        em.persist(device);
        audit.record(AuditEntry.of(AuditAction.DEVICE_REGISTERED).by(actor).device(device.id()).succeeded());
        return RegisteredDevice.of(DeviceView.of(device), token);
    }

    public List<DeviceView> list(Actor actor) {
        return em.createNamedQuery(Device.BY_OWNER, Device.class)
                .setParameter("owner", actor.user())
                .getResultList()
                .stream()
                .map(DeviceView::of)
                .toList();
    }

    public DeviceView get(Actor actor, String id) {
        return gate.own(actor.user(), id).map(DeviceView::of).orElseThrow(BatonException::notFound);
    }

    /** Checks that the calling device is {@code id}, before it opens its event stream. */
    public void listener(Actor actor, String deviceToken, String id) {
        Device device = gate.authenticate(actor, deviceToken);
        if (!device.id().equals(id)) {
            throw gate.own(actor.user(), id).isPresent()
                    ? new BatonException(Problem.FORBIDDEN, "A device listens only to its own events.")
                    : BatonException.notFound();
        }
    }

    /**
     * Revokes a device of the caller's (or anyone's, for an admin): its session tokens die with the
     * sessions it holds, and its open transfers are cancelled.
     */
    public void revoke(Actor actor, String id) {
        Device device = (actor.isAdmin() ? gate.any(id) : gate.own(actor.user(), id))
                .orElseThrow(BatonException::notFound);
        em.refresh(device, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (device.revoke(now)) {
            revoked.fire(new DeviceRevoked(actor, device, now));
            events.fire(new DeviceEvent(device.id(), DeviceEvent.DEVICE_REVOKED, null, null, now));
            securityEvents.fire(SecurityEvent.deviceRevoked(device.ownerId(), device.id(), actor.user(), now));
            audit.record(AuditEntry.of(AuditAction.DEVICE_REVOKED).by(actor).subject(device.ownerId()).device(device.id())
                    .succeeded());
        }
    }
}
