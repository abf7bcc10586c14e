package dev.baton.device.control;

import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKey;
import dev.baton.platform.persistence.Ids;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Tokens;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Tells which of the caller's devices is calling, from its device token, inside the caller's transaction. */
@Dependent
public class DeviceGate {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DeviceProofs proofs;

    @Inject
    AuditLog audit;

    /**
     * The caller's active device that {@code token} belongs to. An unknown token, or one of another
     * user's device, is {@code device-unauthenticated}; a revoked device is {@code device-not-registered}.
     */
    public Device authenticate(Actor actor, String token) {
        if (token == null || token.isBlank()) {
            throw refused(AuditAction.DEVICE_REFUSED, actor, null,
                    new BatonException(Problem.DEVICE_UNAUTHENTICATED, "The Baton-Device-Token header is required."));
        }
        Device device = em.createNamedQuery(Device.BY_TOKEN_HASH, Device.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultList()
                .stream()
                .filter(d -> d.isOwnedBy(actor.user()))
                .findFirst()
                .orElseThrow(() -> refused(AuditAction.DEVICE_REFUSED, actor, null,
                        new BatonException(Problem.DEVICE_UNAUTHENTICATED, "Unknown device token.")));
        if (!device.isActive()) {
            throw refused(AuditAction.DEVICE_REFUSED, actor, device.id(),
                    new BatonException(Problem.DEVICE_NOT_REGISTERED, "This device has been revoked."));
        }
        device.key().ifPresent(key -> proven(actor, device, key));
        markSeen(device);
        return device;
    }

    /** A bound device's call must carry a proof of its key. */
    private void proven(Actor actor, Device device, DeviceKey key) {
        try {
            proofs.verify(device, key);
        } catch (BatonException refusal) {
            throw refused(AuditAction.PROOF_REFUSED, actor, device.id(), refusal);
        }
    }

    /** Audits a refused device (in its own transaction) and hands the refusal back to be thrown. */
    private BatonException refused(AuditAction action, Actor actor, String deviceId, BatonException refusal) {
        return audit.refuse(AuditEntry.of(action).by(actor).device(deviceId), refusal);
    }

    /**
     * Writes {@code lastSeenAt} at most once a minute, by a bulk update outside the entity's version:
     * concurrent calls of one device must not fail each other on optimistic locking.
     */
    private void markSeen(Device device) {
        Instant now = clock.instant();
        if (device.seenLongAgo(now)) {
            em.createNamedQuery(Device.MARK_SEEN)
                    .setParameter("id", device.id())
                    .setParameter("now", now)
                    .setParameter("stale", now.minus(Device.SEEN_RESOLUTION))
                    .executeUpdate();
        }
    }

    /** One of the user's devices, active or not; another user's answers like a missing one. */
    public Optional<Device> own(String user, String deviceId) {
        return any(deviceId).filter(d -> d.isOwnedBy(user));
    }

    /** Any user's device: for an admin. */
    public Optional<Device> any(String deviceId) {
        return Ids.valid(deviceId) ? Optional.ofNullable(em.find(Device.class, deviceId)) : Optional.empty();
    }
}
