package dev.baton.audit.entity;

import dev.baton.platform.security.Tokens;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One stored audit entry. Append-only: never deleted. Sealed as it is written: {@code mac} is an
 * HMAC of its content under the audit key ({@code keyId} names which), so it cannot be changed
 * unnoticed even before it joins the chain. Changed once after its transaction has committed,
 * when it becomes a link of the audit chain ({@link AuditChain}): its number, its predecessor's
 * hash and its own {@code hash}, an HMAC under the same key over its number, id, seal and that
 * predecessor. Without the key, neither can be made to fit edited content.
 */
@Entity
@NamedQuery(name = AuditRecord.CHAIN_FROM,
        query = "select a from AuditRecord a where a.seq > :after and a.seq <= :last order by a.seq")
@NamedQuery(name = AuditRecord.UNLINKED, query = "select a from AuditRecord a where a.seq is null order by a.id")
@NamedQuery(name = AuditRecord.UNSEALED, query = "select count(a) from AuditRecord a where a.seq is not null and a.keyId is null")
public class AuditRecord {

    public static final String CHAIN_FROM = "AuditRecord.chainFrom";
    public static final String UNLINKED = "AuditRecord.unlinked";
    public static final String UNSEALED = "AuditRecord.unsealed";

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
    private String subject;
    private String keyId;
    private String mac;
    private Long seq;
    private String prevHash;
    private String hash;

    protected AuditRecord() {
    }

    public AuditRecord(AuditEntry entry, Instant at, AuditKeys keys) {
        this.at = at.truncatedTo(ChronoUnit.MICROS); // as the database keeps it, so the seal reads the same later
        this.action = entry.action();
        this.actor = entry.actor();
        this.sessionId = entry.sessionId();
        this.transferId = entry.transferId();
        this.deviceId = entry.deviceId();
        this.targetDeviceId = entry.targetDeviceId();
        this.outcome = entry.outcome();
        this.reason = entry.reason();
        this.remoteAddress = entry.address();
        this.subject = entry.subject();
        seal(keys);
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    /** Seals the content under the current key: a record written before keys existed gets its seal when linked. */
    private void seal(AuditKeys keys) {
        keyId = keys.currentId();
        mac = keys.mac(keyId, content()).orElseThrow();
    }

    void link(long seq, String prevHash, AuditKeys keys) {
        if (keyId == null) {
            seal(keys);
        }
        this.seq = seq;
        this.prevHash = prevHash;
        this.hash = keys.mac(keyId, linkText()).orElseThrow(() -> new IllegalStateException("No audit key with id " + keyId));
    }

    public Long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }

    /** Whether this record still is what was sealed and chained after {@code previousHash}, under a key this node has. */
    public boolean intactAfter(String previousHash, AuditKeys keys) {
        return previousHash.equals(prevHash) && mac != null && hash != null
                && keys.mac(keyId, content()).filter(mac::equals).isPresent()
                && keys.mac(keyId, linkText()).filter(hash::equals).isPresent();
    }

    /** Whether this record was linked before audit keys existed: then it has no seal. */
    public boolean unsealed() {
        return keyId == null;
    }

    /**
     * Whether an unsealed record still is what was chained after {@code previousHash} by the
     * unkeyed SHA-256 of the chain's first version. Only for {@link AuditChain#reseal}: remove once
     * every installation has started once with audit keys.
     */
    boolean intactBeforeKeys(String previousHash) {
        return previousHash.equals(prevHash)
                && Tokens.hash(fields(seq, id, at, action, actor, remoteAddress, sessionId, transferId, deviceId, targetDeviceId,
                        outcome, reason, prevHash)).equals(hash);
    }

    /** Seals a record linked before audit keys existed and links it again after {@code prevHash}. */
    void reseal(String prevHash, AuditKeys keys) {
        keyId = null;
        link(seq, prevHash, keys);
    }

    /** A record without a subject reads as one written before subjects existed, so older seals still hold. */
    private String content() {
        String content = fields(at, action, actor, remoteAddress, sessionId, transferId, deviceId, targetDeviceId, outcome, reason);
        return subject == null ? content : content + fields(subject);
    }

    private String linkText() {
        return fields(seq, id, keyId, mac, prevHash);
    }

    /** Each field with its length in front, so that no two contents read alike. */
    static String fields(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            String value = field == null ? null : field.toString();
            text.append(value == null ? "-" : value.length() + ":" + value).append('|');
        }
        return text.toString();
    }

    public AuditEntry entry() {
        return new AuditEntry(action, actor, remoteAddress, sessionId, transferId, deviceId, targetDeviceId, outcome, reason,
                subject);
    }
}
