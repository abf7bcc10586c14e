package dev.baton.prohibition.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps one device out of one session until {@code untilAt}. It holds by time alone, so it is
 * enforced even when no timer has run; {@code endedAt} records that its end was processed
 * (audited and announced), which happens exactly once.
 */
@Entity
@NamedQuery(name = Prohibition.HOLDING,
        query = "select p from Prohibition p where p.sessionId = :session and p.deviceId = :device and p.untilAt > :now order by p.untilAt desc")
@NamedQuery(name = Prohibition.UNPROCESSED,
        query = "select p from Prohibition p where p.endedAt is null and p.untilAt < :before")
@NamedQuery(name = Prohibition.DUE, query = "select p.id from Prohibition p where p.endedAt is null and p.untilAt <= :now")
@NamedQuery(name = Prohibition.ACTIVE_COUNT, query = "select count(p) from Prohibition p where p.endedAt is null and p.untilAt > :now")
@NamedQuery(name = Prohibition.MARK_ENDED,
        query = "update Prohibition p set p.endedAt = :now, p.rowVersion = p.rowVersion + 1 where p.id = :id and p.endedAt is null")
@NamedQuery(name = Prohibition.HOLDING_FOR_OWNER,
        query = "select p from Prohibition p where p.ownerId = :owner and p.untilAt > :now order by p.untilAt, p.id")
public class Prohibition {

    public static final String HOLDING = "Prohibition.holding";
    public static final String HOLDING_FOR_OWNER = "Prohibition.holdingForOwner";
    public static final String UNPROCESSED = "Prohibition.unprocessed";
    public static final String DUE = "Prohibition.due";
    public static final String MARK_ENDED = "Prohibition.markEnded";
    /** How many hold now (the metrics' gauge). */
    public static final String ACTIVE_COUNT = "Prohibition.activeCount";

    @Id
    private String id;
    private String ownerId;
    private String sessionId;
    private String deviceId;
    private String transferId;
    private Instant startsAt;
    private Instant untilAt;
    private Instant endedAt;
    @Version
    private long rowVersion;

    protected Prohibition() {
    }

    public Prohibition(String ownerId, String sessionId, String deviceId, String transferId, Instant startsAt,
                       Instant untilAt) {
        this.id = UUID.randomUUID().toString();
        this.ownerId = Objects.requireNonNull(ownerId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.deviceId = Objects.requireNonNull(deviceId);
        this.transferId = Objects.requireNonNull(transferId);
        this.startsAt = Objects.requireNonNull(startsAt);
        if (!untilAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A prohibition ends after it starts");
        }
        this.untilAt = untilAt;
    }

    public boolean holdsAt(Instant now) {
        return now.isBefore(untilAt);
    }

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String sessionId() {
        return sessionId;
    }

    public String deviceId() {
        return deviceId;
    }

    public String transferId() {
        return transferId;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant untilAt() {
        return untilAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
