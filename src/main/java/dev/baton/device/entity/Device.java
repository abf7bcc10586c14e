package dev.baton.device.entity;

import dev.baton.platform.security.Tokens;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A device a user registered. It is active until revoked, and never active again after. The
 * device token is shown once, at registration; only its hash is kept.
 */
@Entity
@NamedQuery(name = Device.BY_TOKEN_HASH, query = "select d from Device d where d.tokenHash = :hash")
@NamedQuery(name = Device.BY_OWNER,
        query = "select d from Device d where d.ownerId = :owner order by d.registeredAt, d.id")
@NamedQuery(name = Device.MARK_SEEN,
        query = "update Device d set d.lastSeenAt = :now where d.id = :id and (d.lastSeenAt is null or d.lastSeenAt < :stale)")
@NamedQuery(name = Device.COUNT_ACTIVE,
        query = "select count(d) from Device d where d.ownerId = :owner and d.status = :status")
public class Device {

    public static final String BY_TOKEN_HASH = "Device.byTokenHash";
    public static final String BY_OWNER = "Device.byOwner";
    public static final String COUNT_ACTIVE = "Device.countActive";
    public static final String MARK_SEEN = "Device.markSeen";

    /** How stale {@code lastSeenAt} may get before a call writes it again. */
    public static final Duration SEEN_RESOLUTION = Duration.ofMinutes(1);

    /** Named for the API's document, where a bare {@code Status} would be ambiguous. */
    @Schema(name = "DeviceStatus")
    public enum Status { ACTIVE, REVOKED }

    @Id
    private String id;
    private String ownerId;
    private String name;
    @Enumerated(EnumType.STRING)
    private DeviceKind kind;
    private String platform;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String tokenHash;
    private String publicKey;
    private Instant registeredAt;
    private Instant lastSeenAt;
    private Instant revokedAt;
    @Version
    private long rowVersion;

    protected Device() {
    }

    public Device(String ownerId, String name, DeviceKind kind, String platform, String tokenHash, Instant now) {
        this(ownerId, name, kind, platform, tokenHash, null, now);
    }

    /** A device bound to {@code key} (may be null): from now on its calls carry proofs of that key. */
    public Device(String ownerId, String name, DeviceKind kind, String platform, String tokenHash, DeviceKey key, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.ownerId = Objects.requireNonNull(ownerId);
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        this.platform = Objects.requireNonNull(platform);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.publicKey = key == null ? null : key.canonical();
        this.status = Status.ACTIVE;
        this.registeredAt = now;
    }

    /** The key this device proves possession of, if it registered one. */
    public Optional<DeviceKey> key() {
        return Optional.ofNullable(publicKey).map(DeviceKey::parse);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean isOwnedBy(String user) {
        return ownerId.equals(user);
    }

    public boolean tokenMatches(String token) {
        return Tokens.matches(token, tokenHash);
    }

    /** Whether {@code lastSeenAt} is stale enough at {@code now} to be written again. */
    public boolean seenLongAgo(Instant now) {
        return lastSeenAt == null || lastSeenAt.plus(SEEN_RESOLUTION).isBefore(now);
    }

    /** Answers whether this call revoked it (revoking twice is a no-op). */
    public boolean revoke(Instant now) {
        if (!isActive()) {
            return false;
        }
        status = Status.REVOKED;
        revokedAt = now;
        return true;
    }

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public DeviceKind kind() {
        return kind;
    }

    public String platform() {
        return platform;
    }

    public Status status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
