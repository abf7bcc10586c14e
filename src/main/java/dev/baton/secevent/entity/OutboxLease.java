package dev.baton.secevent.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Which node sends the outbox: the one row whose {@code holder} may send until {@code leaseUntil}.
 * A node takes it when it is free or lapsed, and keeps it by renewing it; a node that dies loses it
 * when its lease runs out. Conditional updates on the row decide, so nodes never need to agree
 * through anything but the database.
 */
@Entity
@Table(name = "security_event_sender")
@NamedQuery(name = OutboxLease.TAKE,
        query = "update OutboxLease l set l.holder = :me, l.leaseUntil = :until where l.id = 1 and (l.holder = :me or l.leaseUntil < :now)")
@NamedQuery(name = OutboxLease.RELEASE,
        query = "update OutboxLease l set l.holder = null, l.leaseUntil = :past where l.id = 1 and l.holder = :me")
public class OutboxLease {

    public static final String TAKE = "OutboxLease.take";
    public static final String RELEASE = "OutboxLease.release";

    @Id
    private Integer id;
    private String holder;
    private Instant leaseUntil;

    protected OutboxLease() {
    }
}
