package dev.baton.audit.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One stored audit entry. Append-only: no setters, never updated, never deleted. */
@Entity
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private AuditAction action;
    private String actor;
    private String sessionId;
    private String transferId;
    private String deviceId;
    private String targetDeviceId;
    @Enumerated(EnumType.STRING)
    private AuditEntry.Outcome outcome;
    private String reason;
    private String remoteAddress;

    protected AuditRecord() {
    }

    public AuditRecord(AuditEntry entry, Instant at) {
        this.at = at;
        this.action = entry.action();
        this.actor = entry.actor();
        this.sessionId = entry.sessionId();
        this.transferId = entry.transferId();
        this.deviceId = entry.deviceId();
        this.targetDeviceId = entry.targetDeviceId();
        this.outcome = entry.outcome();
        this.reason = entry.reason();
        this.remoteAddress = entry.address();
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public AuditEntry entry() {
        return new AuditEntry(action, actor, remoteAddress, sessionId, transferId, deviceId, targetDeviceId, outcome, reason);
    }
}
