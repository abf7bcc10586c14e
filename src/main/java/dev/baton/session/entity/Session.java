package dev.baton.session.entity;

import dev.baton.platform.security.Tokens;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's live session of one application, held by exactly one device. Its state carries a
 * version that clients name in {@code If-Match}; every accepted access is activity, recorded to
 * {@link #activityResolution} so that reading a session seldom writes it. A session is active while
 * it is not ended, was used within the idle timeout and is younger than its absolute expiry. Moving
 * it to another device rotates its token: the old one is dead at once.
 */
@Entity
@Table(name = "baton_session")
@NamedQuery(name = Session.BY_OWNER,
        query = "select s from Session s where s.ownerId = :owner and s.endedAt is null order by s.createdAt desc, s.id")
@NamedQuery(name = Session.HELD_BY, query = "select s from Session s where s.holderDeviceId = :device and s.endedAt is null")
@NamedQuery(name = Session.MARK_ACTIVE,
        query = "update Session s set s.lastActivityAt = :now where s.id = :id and s.lastActivityAt < :stale")
public class Session {

    public static final String BY_OWNER = "Session.byOwner";
    public static final String HELD_BY = "Session.heldBy";
    public static final String MARK_ACTIVE = "Session.markActive";

    private static final Duration MAX_ACTIVITY_RESOLUTION = Duration.ofMinutes(1);

    @Id
    private String id;
    private String ownerId;
    private String application;
    private String state;
    private long stateVersion;
    private String holderDeviceId;
    private String tokenHash;
    private Instant createdAt;
    private Instant lastActivityAt;
    private Instant absoluteExpiryAt;
    private Instant endedAt;
    @Version
    private long rowVersion;

    protected Session() {
    }

    public Session(String ownerId, String application, String state, String holderDeviceId, String tokenHash,
                   Instant now, Duration absoluteTimeout) {
        this.id = UUID.randomUUID().toString();
        this.ownerId = Objects.requireNonNull(ownerId);
        this.application = Objects.requireNonNull(application);
        this.state = Objects.requireNonNull(state);
        this.stateVersion = 1;
        this.holderDeviceId = Objects.requireNonNull(holderDeviceId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = now;
        this.lastActivityAt = now;
        this.absoluteExpiryAt = now.plus(absoluteTimeout);
    }

    public boolean isActive(Instant now, Duration idleTimeout) {
        return endedAt == null && now.isBefore(expiresAt(idleTimeout));
    }

    /** When the session stops being active unless it is used again. */
    public Instant expiresAt(Duration idleTimeout) {
        Instant idleEnd = lastActivityAt.plus(idleTimeout);
        return idleEnd.isBefore(absoluteExpiryAt) ? idleEnd : absoluteExpiryAt;
    }

    public boolean isHeldBy(String deviceId) {
        return holderDeviceId.equals(deviceId);
    }

    public boolean isOwnedBy(String user) {
        return ownerId.equals(user);
    }

    /** Whether {@code token} is the current session token of the holding device. */
    public boolean admits(String deviceId, String token) {
        return isHeldBy(deviceId) && Tokens.matches(token, tokenHash);
    }

    /**
     * How far {@code lastActivityAt} may lag an access: a twentieth of the idle timeout, at most a
     * minute. A session may so idle out that much early, never late.
     */
    public static Duration activityResolution(Duration idleTimeout) {
        Duration twentieth = idleTimeout.dividedBy(20);
        return twentieth.compareTo(MAX_ACTIVITY_RESOLUTION) < 0 ? twentieth : MAX_ACTIVITY_RESOLUTION;
    }

    /** Whether an access at {@code now} is to be recorded: the last one recorded is older than the resolution. */
    public boolean activityDue(Instant now, Duration idleTimeout) {
        return !lastActivityAt.plus(activityResolution(idleTimeout)).isAfter(now);
    }

    public void touch(Instant now) {
        lastActivityAt = now;
    }

    /** Replaces the state if the caller saw the current version; answers whether it did. */
    public boolean replaceState(String newState, long expectedVersion, Instant now) {
        if (expectedVersion != stateVersion) {
            return false;
        }
        state = Objects.requireNonNull(newState);
        stateVersion++;
        touch(now);
        return true;
    }

    /** Binds the session to {@code deviceId} under a new token; every earlier token is dead. */
    public void moveTo(String deviceId, String newTokenHash, Instant now) {
        holderDeviceId = Objects.requireNonNull(deviceId);
        tokenHash = Objects.requireNonNull(newTokenHash);
        touch(now);
    }

    /** Ends the session and kills its token; answers whether it was still open. */
    public boolean end(Instant now) {
        if (endedAt != null) {
            return false;
        }
        endedAt = now;
        tokenHash = null;
        return true;
    }

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String application() {
        return application;
    }

    public String state() {
        return state;
    }

    public long stateVersion() {
        return stateVersion;
    }

    public String holderDeviceId() {
        return holderDeviceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
