package dev.baton.transfer.entity;

import dev.baton.platform.security.Tokens;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One move of a session from a source to a target device, carrying the session information that
 * came in the request header. Lifecycle: {@link TransferStatus}. Invariants: the claim code is used
 * by exactly one successful claim, the restore token by exactly one successful restore; nothing
 * happens to a transfer past {@code expiresAt} except expiring it.
 * <p>
 * A {@link TransferDirection#PULL pull} is asked for by the target and has neither session
 * information nor a claim code until the source, the device holding the session, approves it;
 * from then on it is claimed and restored exactly as a push.
 */
@Entity
@NamedQuery(name = Transfer.OPEN_OF_SESSION,
        query = "select t from Transfer t where t.sessionId = :session and t.status in :open")
@NamedQuery(name = Transfer.OPEN_IDS_OF_SESSION,
        query = "select t.id from Transfer t where t.sessionId = :session and t.status in :open")
@NamedQuery(name = Transfer.LATEST_OF_SESSION,
        query = "select t.id from Transfer t where t.sessionId = :session order by t.createdAt desc, t.id")
@NamedQuery(name = Transfer.OPEN_OF_DEVICE,
        query = "select t from Transfer t where (t.sourceDeviceId = :device or t.targetDeviceId = :device) and t.status in :open")
@NamedQuery(name = Transfer.SESSION_OF, query = "select t.sessionId from Transfer t where t.id = :id and t.ownerId = :owner")
@NamedQuery(name = Transfer.DUE, query = "select t.id from Transfer t where t.status in :open and t.expiresAt <= :now")
@NamedQuery(name = Transfer.OPEN_OF_OWNER,
        query = "select t from Transfer t where t.ownerId = :owner and t.status in :open and t.expiresAt > :now order by t.createdAt, t.id")
public class Transfer {

    public static final String OPEN_OF_SESSION = "Transfer.openOfSession";
    public static final String OPEN_IDS_OF_SESSION = "Transfer.openIdsOfSession";
    public static final String LATEST_OF_SESSION = "Transfer.latestOfSession";
    public static final String OPEN_OF_DEVICE = "Transfer.openOfDevice";
    public static final String DUE = "Transfer.due";
    public static final String SESSION_OF = "Transfer.sessionOf";
    public static final String OPEN_OF_OWNER = "Transfer.openOfOwner";

    /** What a claim attempt did. */
    public enum ClaimOutcome { CLAIMED, WRONG_CODE, WRONG_CODE_CANCELLED, GONE, NOT_APPROVED }

    @Id
    private String id;
    private String ownerId;
    private String sessionId;
    private String sourceDeviceId;
    private String targetDeviceId;
    @Enumerated(EnumType.STRING)
    private TransferDirection direction;
    @Enumerated(EnumType.STRING)
    private TransferStatus status;
    private String sessionInfo;
    private String claimCodeHash;
    private int failedAttempts;
    private String restoreTokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant claimedAt;
    private Instant closedAt;
    @Version
    private long rowVersion;

    protected Transfer() {
    }

    public Transfer(String ownerId, String sessionId, String sourceDeviceId, String targetDeviceId,
                    String sessionInfo, String claimCodeHash, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.ownerId = Objects.requireNonNull(ownerId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.sourceDeviceId = Objects.requireNonNull(sourceDeviceId);
        this.targetDeviceId = Objects.requireNonNull(targetDeviceId);
        this.sessionInfo = Objects.requireNonNull(sessionInfo);
        this.claimCodeHash = Objects.requireNonNull(claimCodeHash);
        this.direction = TransferDirection.PUSH;
        this.status = TransferStatus.PENDING;
        this.createdAt = now;
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    private Transfer(String ownerId, String sessionId, String holderDeviceId, String targetDeviceId, Instant now,
                     Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.ownerId = Objects.requireNonNull(ownerId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.sourceDeviceId = Objects.requireNonNull(holderDeviceId);
        this.targetDeviceId = Objects.requireNonNull(targetDeviceId);
        this.direction = TransferDirection.PULL;
        this.status = TransferStatus.AWAITING_APPROVAL;
        this.createdAt = now;
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** A pull: {@code targetDeviceId} asks for the session {@code holderDeviceId} holds; it waits for the holder's approval. */
    public static Transfer pull(String ownerId, String sessionId, String holderDeviceId, String targetDeviceId, Instant now,
                                Instant expiresAt) {
        return new Transfer(ownerId, sessionId, holderDeviceId, targetDeviceId, now, expiresAt);
    }

    /**
     * The holder approves a pull with the session information it sends and a new claim code (its
     * stored form): the pull becomes {@code PENDING}, to be claimed by {@code expiresAt}. Answers
     * whether it was awaiting approval and not past its time.
     */
    public boolean approve(String sessionInfo, String claimCodeHash, Instant now, Instant expiresAt) {
        if (!awaitsApproval(now)) {
            return false;
        }
        this.sessionInfo = Objects.requireNonNull(sessionInfo);
        this.claimCodeHash = Objects.requireNonNull(claimCodeHash);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        status = TransferStatus.PENDING;
        return true;
    }

    /** The holder refuses a pull: {@code DENIED}. Answers whether it was awaiting approval and not past its time. */
    public boolean deny(Instant now) {
        if (!awaitsApproval(now)) {
            return false;
        }
        close(TransferStatus.DENIED, now);
        return true;
    }

    private boolean awaitsApproval(Instant now) {
        return status == TransferStatus.AWAITING_APPROVAL && now.isBefore(expiresAt);
    }

    public boolean isPull() {
        return direction == TransferDirection.PULL;
    }

    /**
     * Who may withdraw the transfer: the device that asked for it (the source of a push, the target
     * of a pull), and the source of a pull once it has approved it (it shows the code, as a push's
     * source does).
     */
    public boolean cancellableBy(String deviceId) {
        if (!isPull()) {
            return sourceDeviceId.equals(deviceId);
        }
        return targetDeviceId.equals(deviceId) || sourceDeviceId.equals(deviceId) && status != TransferStatus.AWAITING_APPROVAL;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** Moves an open transfer past its time to {@code EXPIRED}; answers whether it did. */
    public boolean expireIfDue(Instant now) {
        if (!isOpen() || now.isBefore(expiresAt)) {
            return false;
        }
        close(TransferStatus.EXPIRED, now);
        return true;
    }

    /**
     * A claim with a code, given as its stored form ({@code codeHash}). The right code moves a
     * pending transfer to {@code CLAIMED} under the given restore token; the {@code maxAttempts}-th
     * wrong one cancels it. A pull its holder has not approved has no code yet: nothing is counted.
     */
    public ClaimOutcome claim(String codeHash, String restoreTokenHash, int maxAttempts, Instant now) {
        if (expireIfDue(now)) {
            return ClaimOutcome.GONE;
        }
        if (status == TransferStatus.AWAITING_APPROVAL) {
            return ClaimOutcome.NOT_APPROVED;
        }
        if (status != TransferStatus.PENDING) {
            return ClaimOutcome.GONE;
        }
        if (!Tokens.sameHash(codeHash, claimCodeHash)) {
            failedAttempts++;
            if (failedAttempts >= maxAttempts) {
                close(TransferStatus.CANCELLED, now);
                return ClaimOutcome.WRONG_CODE_CANCELLED;
            }
            return ClaimOutcome.WRONG_CODE;
        }
        status = TransferStatus.CLAIMED;
        claimedAt = now;
        this.restoreTokenHash = Objects.requireNonNull(restoreTokenHash);
        return ClaimOutcome.CLAIMED;
    }

    /** Whether the transfer waits for its restore and {@code token} is its restore token. */
    public boolean restorableWith(String token, Instant now) {
        return status == TransferStatus.CLAIMED && now.isBefore(expiresAt) && Tokens.matches(token, restoreTokenHash);
    }

    public void complete(Instant now) {
        if (status != TransferStatus.CLAIMED) {
            throw new IllegalStateException("Only a claimed transfer completes");
        }
        close(TransferStatus.COMPLETED, now);
    }

    /** Cancels an open transfer; answers whether it was open. */
    public boolean cancel(Instant now) {
        if (!isOpen()) {
            return false;
        }
        close(TransferStatus.CANCELLED, now);
        return true;
    }

    private void close(TransferStatus end, Instant now) {
        status = end;
        closedAt = now;
        restoreTokenHash = null;
    }

    public boolean involves(String deviceId) {
        return sourceDeviceId.equals(deviceId) || targetDeviceId.equals(deviceId);
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

    public String sourceDeviceId() {
        return sourceDeviceId;
    }

    public String targetDeviceId() {
        return targetDeviceId;
    }

    public TransferDirection direction() {
        return direction;
    }

    public TransferStatus status() {
        return status;
    }

    public String sessionInfo() {
        return sessionInfo;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
