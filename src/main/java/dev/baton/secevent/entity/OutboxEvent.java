package dev.baton.secevent.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One security event waiting for the webhook. Written in the transaction of the change that caused
 * it; deleted once the webhook has answered 2xx, never before, so it is sent at least once. Its
 * {@code jti} and {@code claims} are fixed when it is written: every retry is the same token.
 */
@Entity
@Table(name = "security_event_outbox")
@NamedQuery(name = OutboxEvent.DUE,
        query = "select e from OutboxEvent e where e.nextAttemptAt <= :now order by e.id")
@NamedQuery(name = OutboxEvent.COUNT_JTI, query = "select count(e) from OutboxEvent e where e.jti = :jti")
@NamedQuery(name = OutboxEvent.DELETE, query = "delete from OutboxEvent e where e.id = :id")
@NamedQuery(name = OutboxEvent.FAILED,
        query = "update OutboxEvent e set e.attempts = e.attempts + 1, e.lastError = :error, e.nextAttemptAt = :next where e.id = :id")
public class OutboxEvent {

    public static final String DUE = "OutboxEvent.due";
    public static final String COUNT_JTI = "OutboxEvent.countJti";
    public static final String DELETE = "OutboxEvent.delete";
    public static final String FAILED = "OutboxEvent.failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String jti;
    private String eventType;
    private String claims;
    private Instant createdAt;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;

    protected OutboxEvent() {
    }

    public OutboxEvent(String jti, String eventType, String claims, Instant createdAt) {
        this.jti = Objects.requireNonNull(jti);
        this.eventType = Objects.requireNonNull(eventType);
        this.claims = Objects.requireNonNull(claims);
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        this.nextAttemptAt = this.createdAt;
    }

    public Long id() {
        return id;
    }

    public String jti() {
        return jti;
    }

    public String eventType() {
        return eventType;
    }

    /** The token's claims as written, without {@code aud} (the webhook's URL when it is sent). */
    public String claims() {
        return claims;
    }

    public int attempts() {
        return attempts;
    }
}
