package dev.baton.transfer.entity;

import dev.baton.platform.security.Tokens;
import dev.baton.transfer.entity.Transfer.ClaimOutcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(2));
    private static final Instant LATER = NOW.plusSeconds(30);
    private static final String CODE = "ABCD2345";
    private static final String RESTORE = "restore-token";
    private static final int MAX_ATTEMPTS = 5;

    private final Transfer transfer = new Transfer("alice", "session-1", "desktop-1", "phone-1", "{}",
            Tokens.hash(CODE), NOW, EXPIRES);

    private ClaimOutcome claim(String code, Instant at) {
        return transfer.claim(code == null ? null : Tokens.hash(code), Tokens.hash(RESTORE), MAX_ATTEMPTS, at);
    }

    private Transfer claimed() {
        assertEquals(ClaimOutcome.CLAIMED, claim(CODE, LATER));
        return transfer;
    }

    @Test
    void rightCodeClaimsAPendingTransfer() {
        assertEquals(ClaimOutcome.CLAIMED, claim(CODE, LATER));
        assertEquals(TransferStatus.CLAIMED, transfer.status());
        assertTrue(transfer.isOpen());
    }

    @Test
    void claimCodeWorksOnlyOnce() {
        claimed();
        assertEquals(ClaimOutcome.GONE, claim(CODE, LATER));
        assertEquals(ClaimOutcome.GONE, claim("WRONG999", LATER));
        assertEquals(0, transfer.failedAttempts());
    }

    @Test
    void wrongCodesBelowTheLimitAreCountedAndLeaveItPending() {
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            assertEquals(ClaimOutcome.WRONG_CODE, claim("WRONG" + attempt, LATER));
            assertEquals(attempt, transfer.failedAttempts());
        }
        assertEquals(TransferStatus.PENDING, transfer.status());
        assertEquals(ClaimOutcome.CLAIMED, claim(CODE, LATER));
    }

    @Test
    void wrongCodeAtTheLimitCancelsTheTransfer() {
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            claim("", LATER);
        }
        assertEquals(ClaimOutcome.WRONG_CODE_CANCELLED, claim(null, LATER));
        assertEquals(TransferStatus.CANCELLED, transfer.status());
        assertEquals(ClaimOutcome.GONE, claim(CODE, LATER));
    }

    @Test
    void claimsAfterCancelCompleteOrExpiryAreGone() {
        Transfer cancelled = new Transfer("alice", "s", "a", "b", "{}", Tokens.hash(CODE), NOW, EXPIRES);
        cancelled.cancel(LATER);
        assertEquals(ClaimOutcome.GONE, cancelled.claim(Tokens.hash(CODE), Tokens.hash(RESTORE), MAX_ATTEMPTS, LATER));

        claimed().complete(LATER);
        assertEquals(ClaimOutcome.GONE, claim(CODE, LATER));

        Transfer late = new Transfer("alice", "s", "a", "b", "{}", Tokens.hash(CODE), NOW, EXPIRES);
        assertEquals(ClaimOutcome.GONE, late.claim(Tokens.hash(CODE), Tokens.hash(RESTORE), MAX_ATTEMPTS, EXPIRES));
        assertEquals(TransferStatus.EXPIRED, late.status());
    }

    @Test
    void expiresOnlyWhenOpenAndDueAndOnlyOnce() {
        assertFalse(transfer.expireIfDue(EXPIRES.minusNanos(1)));
        assertTrue(transfer.expireIfDue(EXPIRES));
        assertEquals(TransferStatus.EXPIRED, transfer.status());
        assertFalse(transfer.expireIfDue(EXPIRES.plusSeconds(1)));

        Transfer cancelled = new Transfer("alice", "s", "a", "b", "{}", Tokens.hash(CODE), NOW, EXPIRES);
        cancelled.cancel(LATER);
        assertFalse(cancelled.expireIfDue(EXPIRES));
        assertEquals(TransferStatus.CANCELLED, cancelled.status());
    }

    @Test
    void claimedTransferIsRestorableOnlyWithItsTokenBeforeExpiry() {
        assertFalse(transfer.restorableWith(RESTORE, LATER));
        claimed();
        assertTrue(transfer.restorableWith(RESTORE, LATER));
        assertFalse(transfer.restorableWith("other-token", LATER));
        assertFalse(transfer.restorableWith(null, LATER));
        assertFalse(transfer.restorableWith(RESTORE, EXPIRES));
    }

    @Test
    void restoreTokenDiesWhenTheTransferCloses() {
        claimed().complete(LATER);
        assertFalse(transfer.restorableWith(RESTORE, LATER));
    }

    @Test
    void completesOnlyFromClaimed() {
        assertThrows(IllegalStateException.class, () -> transfer.complete(LATER));
        claimed().complete(LATER);
        assertEquals(TransferStatus.COMPLETED, transfer.status());
        assertFalse(transfer.isOpen());
        assertThrows(IllegalStateException.class, () -> transfer.complete(LATER));
    }

    @Test
    void cancelsOnlyWhenOpen() {
        assertTrue(claimed().cancel(LATER));
        assertEquals(TransferStatus.CANCELLED, transfer.status());
        assertFalse(transfer.restorableWith(RESTORE, LATER));
        assertFalse(transfer.cancel(LATER));

        Transfer completed = new Transfer("alice", "s", "a", "b", "{}", Tokens.hash(CODE), NOW, EXPIRES);
        completed.claim(Tokens.hash(CODE), Tokens.hash(RESTORE), MAX_ATTEMPTS, LATER);
        completed.complete(LATER);
        assertFalse(completed.cancel(LATER));
        assertEquals(TransferStatus.COMPLETED, completed.status());
    }

    // ---- pulls -------------------------------------------------------------------------------

    private static Transfer pull() {
        return Transfer.pull("alice", "s", "desktop-1", "phone-1", NOW, EXPIRES);
    }

    @Test
    void aPullAwaitsApprovalAndCannotBeClaimedBeforeIt() {
        Transfer pull = pull();
        assertEquals(TransferStatus.AWAITING_APPROVAL, pull.status());
        assertEquals(TransferDirection.PULL, pull.direction());
        assertTrue(pull.isOpen());
        assertEquals(ClaimOutcome.NOT_APPROVED, pull.claim(Tokens.hash(CODE), Tokens.hash(RESTORE), MAX_ATTEMPTS, LATER));
        assertEquals(0, pull.failedAttempts());
        assertEquals(TransferStatus.AWAITING_APPROVAL, pull.status());
    }

    @Test
    void anApprovedPullIsClaimedAsAPushWithinANewWindow() {
        Transfer pull = pull();
        Instant window = LATER.plus(Duration.ofMinutes(2));
        assertTrue(pull.approve("{\"page\":1}", Tokens.hash(CODE), LATER, window));
        assertEquals(TransferStatus.PENDING, pull.status());
        assertEquals(window, pull.expiresAt());
        assertEquals("{\"page\":1}", pull.sessionInfo());
        assertFalse(pull.approve("{}", Tokens.hash("OTHER234"), LATER, window), "approved once");
        assertEquals(ClaimOutcome.WRONG_CODE, pull.claim(Tokens.hash("OTHER234"), Tokens.hash(RESTORE), MAX_ATTEMPTS, LATER));
        assertEquals(ClaimOutcome.CLAIMED, pull.claim(Tokens.hash(CODE), Tokens.hash(RESTORE), MAX_ATTEMPTS, EXPIRES));
    }

    @Test
    void aDeniedOrLatePullCanNeitherBeApprovedNorDenied() {
        Transfer denied = pull();
        assertTrue(denied.deny(LATER));
        assertEquals(TransferStatus.DENIED, denied.status());
        assertFalse(denied.isOpen());
        assertFalse(denied.deny(LATER));
        assertFalse(denied.approve("{}", Tokens.hash(CODE), LATER, EXPIRES));
        assertEquals(ClaimOutcome.GONE, denied.claim(Tokens.hash(CODE), Tokens.hash(RESTORE), MAX_ATTEMPTS, LATER));

        Transfer late = pull();
        assertFalse(late.approve("{}", Tokens.hash(CODE), EXPIRES, EXPIRES.plusSeconds(60)));
        assertFalse(late.deny(EXPIRES));
        assertTrue(late.expireIfDue(EXPIRES));
        assertEquals(TransferStatus.EXPIRED, late.status());
    }

    @Test
    void aPushIsCancelledByItsSourceAPullByItsTargetAndOnceApprovedByItsSourceToo() {
        assertTrue(transfer.cancellableBy("desktop-1"));
        assertFalse(transfer.cancellableBy("phone-1"));
        assertEquals(TransferDirection.PUSH, transfer.direction());

        Transfer pull = pull();
        assertTrue(pull.cancellableBy("phone-1"));
        assertFalse(pull.cancellableBy("desktop-1"), "the holder denies rather than cancels");
        pull.approve("{}", Tokens.hash(CODE), LATER, EXPIRES);
        assertTrue(pull.cancellableBy("desktop-1"));
        assertTrue(pull.cancellableBy("phone-1"));
        assertFalse(pull.cancellableBy("tablet-1"));
    }
}
