package dev.baton.audit.entity;

import dev.baton.platform.Tokens;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.time.Instant;

/**
 * One stored audit entry. Append-only: never deleted, and after its transaction has committed
 * changed once, when it becomes a link of the audit chain ({@link AuditChain}): its number, its
 * predecessor's hash and its own hash over all of its content and that predecessor.
 */
@Entity
@NamedQuery(name = AuditRecord.CHAIN_FROM,
        query = "select a from AuditRecord a where a.seq > :after and a.seq <= :last order by a.seq")
@NamedQuery(name = AuditRecord.UNLINKED, query = "select a from AuditRecord a where a.seq is null order by a.id")
public class AuditRecord {

    public static final String CHAIN_FROM = "AuditRecord.chainFrom";
    public static final String UNLINKED = "AuditRecord.unlinked";

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
    private Long seq;
    private String prevHash;
    private String hash;

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

    void link(long seq, String prevHash) {
        this.seq = seq;
        this.prevHash = prevHash;
        this.hash = computedHash();
    }

    public Long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }

    /** Whether this record still is what was chained after {@code previousHash}. */
    public boolean intactAfter(String previousHash) {
        return previousHash.equals(prevHash) && computedHash().equals(hash);
    }

    /** SHA-256 over every field, each with its length in front so that no two contents read alike. */
    private String computedHash() {
        StringBuilder content = new StringBuilder();
        for (Object field : new Object[] {seq, id, at, action, actor, remoteAddress, sessionId, transferId, deviceId,
                targetDeviceId, outcome, reason, prevHash}) {
            String text = field == null ? null : field.toString();
            content.append(text == null ? "-" : text.length() + ":" + text).append('|');
        }
        return Tokens.hash(content.toString());
    }

    public AuditEntry entry() {
        return new AuditEntry(action, actor, remoteAddress, sessionId, transferId, deviceId, targetDeviceId, outcome, reason);
    }
}
