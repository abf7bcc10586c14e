package dev.baton.transfer.boundary;

import static dev.baton.EjbClerk.BASE;
import static dev.baton.EjbClerk.INFO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.baton.EjbClerk;
import dev.baton.EjbClerk.Offer;
import dev.baton.EjbClerk.Opened;
import dev.baton.EjbClerk.Registered;
import dev.baton.InContainer;
import dev.baton.MidwayFault;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.entity.DeviceKind;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.CommittedRefusal;
import dev.baton.platform.problem.Problem;
import dev.baton.transfer.control.TransferSettings;
import dev.baton.prohibition.boundary.ProhibitionService;
import dev.baton.prohibition.control.ProhibitionTimers;
import dev.baton.prohibition.entity.Prohibition;
import dev.baton.session.entity.Session;
import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transfer flow inside Payara Micro: the real EJBs, their transaction edges, the database and
 * the timers, read back through the entities. A refusal leaves nothing of the step but its audit
 * record; a refusal that must stand ({@link CommittedRefusal}: a wrong claim code, an expiry found
 * on the way) keeps what it counted. Each test is its own user, so tests share nothing.
 */
@ExtendWith(ArquillianExtension.class)
class TransferFlowInContainerIT {

    /** Not a claim code: 0 is outside the code alphabet. */
    private static final String WRONG_CODE = "00000000";

    @Deployment
    static WebArchive baton() {
        return InContainer.baton(TransferFlowInContainerIT.class);
    }

    @Inject
    EjbClerk clerk;
    @Inject
    TransferService transfers;
    @Inject
    HandoverService handovers;
    @Inject
    PullService pulls;
    @Inject
    MidwayFault fault;
    @Inject
    ProhibitionService prohibitions;
    @Inject
    ProhibitionTimers timers;
    @Inject
    TransferSettings settings;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;
    @Resource
    UserTransaction tx;

    @Test
    void requestClaimRestoreMovesTheSessionAndKeepsTheSourceOut() {
        Offer offer = clerk.offerToPhone();
        ClaimedTransfer claim = handovers.claim(clerk.actor(), offer.phone().token(), offer.transferId(), offer.claimCode());
        assertEquals(INFO, claim.sessionInfo());
        RestoredSession restored = handovers.restore(clerk.actor(), offer.phone().token(), offer.session().id(),
                claim.restoreToken(), INFO);
        assertNotEquals(offer.session().token(), restored.sessionToken());

        assertEquals(offer.phone().id(), em.find(Session.class, offer.session().id()).holderDeviceId());
        assertEquals(TransferStatus.COMPLETED, em.find(Transfer.class, offer.transferId()).status());
        List<Prohibition> kept = prohibitionsOf(offer.transferId());
        assertEquals(1, kept.size());
        assertEquals(offer.desktop().id(), kept.get(0).deviceId());
        assertTrue(kept.get(0).holdsAt(clock.instant()));
        assertEquals(List.of(AuditAction.SESSION_OPENED, AuditAction.TRANSFER_REQUESTED, AuditAction.TRANSFER_CLAIMED,
                AuditAction.SESSION_RESTORED), clerk.actionsOf(offer.session().id()));
        assertTrue(clerk.auditOf(offer.session().id()).stream().allMatch(e -> e.outcome() == AuditEntry.Outcome.SUCCESS));
    }

    @Test
    void transferToAnUnregisteredDeviceStoresNothingButItsRefusal() {
        Registered desktop = clerk.register("desktop", DeviceKind.DESKTOP);
        Opened session = clerk.open(desktop);

        BatonException refused = assertThrows(BatonException.class, () -> transfers.request(clerk.actor(), desktop.token(),
                session.id(), session.token(), UUID.randomUUID().toString(), INFO, BASE));

        assertEquals(Problem.DEVICE_NOT_REGISTERED, refused.problem());
        assertEquals(0L, em.createQuery("select count(t) from Transfer t where t.sessionId = :session", Long.class)
                .setParameter("session", session.id()).getSingleResult());
        assertEquals(List.of(AuditAction.SESSION_OPENED, AuditAction.TRANSFER_REFUSED), clerk.actionsOf(session.id()));
        assertLastRefused(session.id(), Problem.DEVICE_NOT_REGISTERED);
    }

    @Test
    void wrongClaimCodesUpToTheLimitCancelTheTransferAndEachIsAudited() {
        Offer offer = clerk.offerToPhone();
        int limit = settings.claimMaxAttempts();
        for (int attempt = 1; attempt <= limit; attempt++) {
            CommittedRefusal wrong = assertThrows(CommittedRefusal.class,
                    () -> handovers.claim(clerk.actor(), offer.phone().token(), offer.transferId(), WRONG_CODE));
            assertEquals(Problem.CLAIM_CODE_INVALID, wrong.problem());
        }
        CommittedRefusal late = assertThrows(CommittedRefusal.class,
                () -> handovers.claim(clerk.actor(), offer.phone().token(), offer.transferId(), offer.claimCode()));

        assertEquals(Problem.TRANSFER_GONE, late.problem());
        Transfer transfer = em.find(Transfer.class, offer.transferId());
        assertEquals(TransferStatus.CANCELLED, transfer.status());
        assertEquals(limit, transfer.failedAttempts());
        assertEquals(offer.desktop().id(), em.find(Session.class, offer.session().id()).holderDeviceId());
        assertEquals(limit + 1, clerk.count(offer.session().id(), AuditAction.CLAIM_FAILED));
        assertEquals(1, clerk.count(offer.session().id(), AuditAction.TRANSFER_CANCELLED));
    }

    @Test
    void aRestoreWithAWrongTokenMovesNothing() {
        Offer offer = clerk.offerToPhone();
        handovers.claim(clerk.actor(), offer.phone().token(), offer.transferId(), offer.claimCode());

        BatonException refused = assertThrows(BatonException.class, () -> handovers.restore(clerk.actor(), offer.phone().token(),
                offer.session().id(), "not-the-restore-token", INFO));

        assertEquals(Problem.RESTORE_TOKEN_INVALID, refused.problem());
        assertEquals(offer.desktop().id(), em.find(Session.class, offer.session().id()).holderDeviceId());
        assertEquals(TransferStatus.CLAIMED, em.find(Transfer.class, offer.transferId()).status());
        assertEquals(List.of(), prohibitionsOf(offer.transferId()));
        assertLastRefused(offer.session().id(), Problem.RESTORE_TOKEN_INVALID);
        assertTrue(clerk.auditOf(offer.session().id()).stream()
                .noneMatch(e -> e.action() == AuditAction.SESSION_RESTORED && e.outcome() == AuditEntry.Outcome.SUCCESS));
    }

    @Test
    void aRestoreFailingAfterItsWritesLeavesNoneOfThem() {
        Offer offer = clerk.offerToPhone();
        ClaimedTransfer claim = handovers.claim(clerk.actor(), offer.phone().token(), offer.transferId(), offer.claimCode());
        fault.failStepsOn(offer.session().id());

        assertThrows(EJBException.class, () -> handovers.restore(clerk.actor(), offer.phone().token(), offer.session().id(),
                claim.restoreToken(), INFO));

        assertEquals(offer.desktop().id(), em.find(Session.class, offer.session().id()).holderDeviceId());
        assertEquals(TransferStatus.CLAIMED, em.find(Transfer.class, offer.transferId()).status());
        assertEquals(List.of(), prohibitionsOf(offer.transferId()));
        assertEquals(List.of(AuditAction.SESSION_OPENED, AuditAction.TRANSFER_REQUESTED, AuditAction.TRANSFER_CLAIMED),
                clerk.actionsOf(offer.session().id()));
    }

    @Test
    void theSweepExpiresATransferPastItsTimeOnceAndAClaimThenFindsItGone() throws Exception {
        Offer offer = clerk.offerToPhone();
        pastItsTime(offer.transferId());

        transfers.expireDue();
        transfers.expireDue();

        assertEquals(TransferStatus.EXPIRED, em.find(Transfer.class, offer.transferId()).status());
        assertEquals(1, clerk.count(offer.session().id(), AuditAction.TRANSFER_EXPIRED));
        BatonException late = assertThrows(BatonException.class,
                () -> handovers.claim(clerk.actor(), offer.phone().token(), offer.transferId(), offer.claimCode()));
        assertEquals(Problem.TRANSFER_GONE, late.problem());
        assertEquals(offer.desktop().id(), em.find(Session.class, offer.session().id()).holderDeviceId());
    }

    @Test
    void onlyTheHolderApprovesAPullAndARefusedApprovalChangesNothing() {
        Registered desktop = clerk.register("desktop", DeviceKind.DESKTOP);
        Registered phone = clerk.register("phone", DeviceKind.PHONE);
        Opened session = clerk.open(desktop);
        String pull = pulls.request(clerk.actor(), phone.token(), session.id()).id();

        BatonException refused = assertThrows(BatonException.class,
                () -> pulls.approve(clerk.actor(), phone.token(), pull, session.token(), EjbClerk.encoded(INFO), BASE));
        assertEquals(Problem.TRANSFER_NOT_AUTHORIZED, refused.problem());
        assertEquals(TransferStatus.AWAITING_APPROVAL, em.find(Transfer.class, pull).status());

        ClaimableTransfer approved = pulls.approve(clerk.actor(), desktop.token(), pull, session.token(), EjbClerk.encoded(INFO), BASE);
        assertEquals(TransferStatus.PENDING, em.find(Transfer.class, pull).status());
        ClaimedTransfer claim = handovers.claim(clerk.actor(), phone.token(), pull, approved.claimCode());
        assertEquals(INFO, claim.sessionInfo());
        assertEquals(List.of(AuditAction.SESSION_OPENED, AuditAction.PULL_REQUESTED, AuditAction.PULL_APPROVED,
                AuditAction.PULL_APPROVED, AuditAction.TRANSFER_CLAIMED), clerk.actionsOf(session.id()));
    }

    @Test
    void anApprovalAfterThePullsTimeKeepsItsExpiry() throws Exception {
        Registered desktop = clerk.register("desktop", DeviceKind.DESKTOP);
        Registered phone = clerk.register("phone", DeviceKind.PHONE);
        Opened session = clerk.open(desktop);
        String pull = pulls.request(clerk.actor(), phone.token(), session.id()).id();
        pastItsTime(pull);

        CommittedRefusal gone = assertThrows(CommittedRefusal.class,
                () -> pulls.approve(clerk.actor(), desktop.token(), pull, session.token(), EjbClerk.encoded(INFO), BASE));

        assertEquals(Problem.TRANSFER_GONE, gone.problem());
        assertEquals(TransferStatus.EXPIRED, em.find(Transfer.class, pull).status());
        assertEquals(1, clerk.count(session.id(), AuditAction.TRANSFER_EXPIRED));
    }

    @Test
    void prohibitionTimerEndsTheProhibitionOnceWhenItsTimeIsUp() throws Exception {
        Offer offer = clerk.handOver();
        Instant now = clock.instant();
        Prohibition shortOne = new Prohibition(clerk.actor().user(), offer.session().id(), offer.desktop().id(),
                offer.transferId(), now, now.plusSeconds(2));
        tx.begin();
        em.persist(shortOne);
        timers.arm(shortOne.id(), shortOne.untilAt());
        tx.commit();

        Instant ended = awaitEnd(shortOne.id(), now.plusSeconds(4));

        assertFalse(ended.isBefore(shortOne.untilAt()), "ended at " + ended + ", before " + shortOne.untilAt());
        assertEquals(1, clerk.count(offer.session().id(), AuditAction.PROHIBITION_ENDED));
        assertFalse(prohibitions.end(shortOne.id()));
        assertEquals(1, clerk.count(offer.session().id(), AuditAction.PROHIBITION_ENDED));
    }

    @Test
    void theSweepEndsAProhibitionPastItsTimeThatNoTimerEnded() throws Exception {
        Offer offer = clerk.handOver();
        Instant now = clock.instant();
        Prohibition lapsed = new Prohibition(clerk.actor().user(), offer.session().id(), offer.desktop().id(),
                offer.transferId(), now.minusSeconds(60), now.minusSeconds(1));
        tx.begin();
        em.persist(lapsed);
        tx.commit();

        prohibitions.endDue();
        prohibitions.endDue();

        assertTrue(em.find(Prohibition.class, lapsed.id()).endedAt() != null, "ended by the sweep");
        assertEquals(1, clerk.count(offer.session().id(), AuditAction.PROHIBITION_ENDED));
    }

    private void pastItsTime(String transferId) throws Exception {
        tx.begin();
        em.createQuery("update Transfer t set t.expiresAt = :past where t.id = :id")
                .setParameter("past", clock.instant().minusSeconds(1)).setParameter("id", transferId).executeUpdate();
        tx.commit();
    }

    private void assertLastRefused(String sessionId, Problem problem) {
        List<AuditEntry> audit = clerk.auditOf(sessionId);
        AuditEntry refusal = audit.get(audit.size() - 1);
        assertEquals(AuditEntry.Outcome.REFUSED, refusal.outcome());
        assertEquals(problem.code(), refusal.reason());
    }

    private List<Prohibition> prohibitionsOf(String transferId) {
        return em.createQuery("select p from Prohibition p where p.transferId = :transfer", Prohibition.class)
                .setParameter("transfer", transferId)
                .getResultList();
    }

    private Instant awaitEnd(String prohibitionId, Instant deadline) throws InterruptedException {
        while (clock.instant().isBefore(deadline)) {
            Instant ended = em.find(Prohibition.class, prohibitionId).endedAt();
            if (ended != null) {
                return ended;
            }
            Thread.sleep(100);
        }
        return fail("Prohibition " + prohibitionId + " not ended by " + deadline);
    }
}
