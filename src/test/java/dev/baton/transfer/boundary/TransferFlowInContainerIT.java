package dev.baton.transfer.boundary;

import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.audit.entity.AuditRecord;
import dev.baton.device.boundary.DeviceService;
import dev.baton.device.boundary.RegisteredDevice;
import dev.baton.device.entity.DeviceKind;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.CommittedRefusal;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import dev.baton.prohibition.boundary.ProhibitionService;
import dev.baton.prohibition.control.ProhibitionTimers;
import dev.baton.prohibition.entity.Prohibition;
import dev.baton.session.boundary.SessionService;
import dev.baton.session.entity.Session;
import dev.baton.transfer.control.TransferSettings;
import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferStatus;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The transfer flow inside Payara Micro: the real EJBs, their transactions, the H2 database and the
 * EJB timers, read back through the entities. Each test is its own user, so tests share nothing.
 */
@ExtendWith(ArquillianExtension.class)
class TransferFlowInContainerIT {

    private static final URI BASE = URI.create("http://localhost/");
    private static final JsonObject INFO = Json.createObjectBuilder().add("title", "Loan 42").add("step", 3).build();
    /** Not a claim code: 0 is outside the code alphabet. */
    private static final String WRONG_CODE = "00000000";

    /** The WAR that {@code mvn package} built, so what is tested is what ships. */
    @Deployment
    static WebArchive baton() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"))
                .addClass(TransferFlowInContainerIT.class);
    }

    @Inject
    DeviceService devices;
    @Inject
    SessionService sessions;
    @Inject
    TransferService transfers;
    @Inject
    HandoverService handovers;
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

    private final Actor alice = new Actor("alice-" + UUID.randomUUID(), Set.of(Actor.USER), Instant.now(), "127.0.0.1");

    @Test
    void requestClaimRestoreMovesTheSessionAndKeepsTheSourceOut() {
        Offer offer = offerToPhone();
        JsonObject claim = handovers.claim(alice, offer.phone().token(), offer.transferId(), offer.claimCode());
        assertEquals(INFO, claim.getJsonObject("sessionInfo"));
        JsonObject restored = handovers.restore(alice, offer.phone().token(), offer.session().id(),
                claim.getString("restoreToken"), INFO);
        assertNotEquals(offer.session().token(), restored.getString("sessionToken"));

        assertEquals(offer.phone().id(), em.find(Session.class, offer.session().id()).holderDeviceId());
        assertEquals(TransferStatus.COMPLETED, em.find(Transfer.class, offer.transferId()).status());
        List<Prohibition> kept = prohibitionsOf(offer.transferId());
        assertEquals(1, kept.size());
        assertEquals(offer.desktop().id(), kept.get(0).deviceId());
        assertTrue(kept.get(0).holdsAt(clock.instant()));
        List<AuditEntry> audit = auditOf(offer.session().id());
        assertEquals(List.of(AuditAction.SESSION_OPENED, AuditAction.TRANSFER_REQUESTED, AuditAction.TRANSFER_CLAIMED,
                AuditAction.SESSION_RESTORED), actions(audit));
        assertTrue(audit.stream().allMatch(e -> e.outcome() == AuditEntry.Outcome.SUCCESS));
    }

    @Test
    void transferToAnUnregisteredDeviceStoresNothingButItsRefusal() {
        Registered desktop = register("desktop", DeviceKind.DESKTOP);
        Opened session = open(desktop);

        BatonException refused = assertThrows(BatonException.class, () -> transfers.request(alice, desktop.token(),
                session.id(), session.token(), UUID.randomUUID().toString(), INFO, BASE));

        assertEquals(Problem.DEVICE_NOT_REGISTERED, refused.problem());
        assertEquals(0L, em.createQuery("select count(t) from Transfer t where t.sessionId = :session", Long.class)
                .setParameter("session", session.id()).getSingleResult());
        List<AuditEntry> audit = auditOf(session.id());
        assertEquals(List.of(AuditAction.SESSION_OPENED, AuditAction.TRANSFER_REFUSED), actions(audit));
        AuditEntry refusal = audit.get(1);
        assertEquals(AuditEntry.Outcome.REFUSED, refusal.outcome());
        assertEquals(Problem.DEVICE_NOT_REGISTERED.code(), refusal.reason());
    }

    @Test
    void wrongClaimCodesUpToTheLimitCancelTheTransferAndEachIsAudited() {
        Offer offer = offerToPhone();
        int limit = settings.claimMaxAttempts();
        for (int attempt = 1; attempt <= limit; attempt++) {
            CommittedRefusal wrong = assertThrows(CommittedRefusal.class,
                    () -> handovers.claim(alice, offer.phone().token(), offer.transferId(), WRONG_CODE));
            assertEquals(Problem.CLAIM_CODE_INVALID, wrong.problem());
        }
        CommittedRefusal late = assertThrows(CommittedRefusal.class,
                () -> handovers.claim(alice, offer.phone().token(), offer.transferId(), offer.claimCode()));

        assertEquals(Problem.TRANSFER_GONE, late.problem());
        Transfer transfer = em.find(Transfer.class, offer.transferId());
        assertEquals(TransferStatus.CANCELLED, transfer.status());
        assertEquals(limit, transfer.failedAttempts());
        assertEquals(offer.desktop().id(), em.find(Session.class, offer.session().id()).holderDeviceId());
        List<AuditEntry> audit = auditOf(offer.session().id());
        assertEquals(limit + 1, audit.stream().filter(e -> e.action() == AuditAction.CLAIM_FAILED).count());
        assertEquals(1, audit.stream().filter(e -> e.action() == AuditAction.TRANSFER_CANCELLED).count());
    }

    @Test
    void prohibitionTimerEndsTheProhibitionOnceWhenItsTimeIsUp() throws Exception {
        Offer offer = handOver();
        Instant now = clock.instant();
        Prohibition shortOne = new Prohibition(alice.user(), offer.session().id(), offer.desktop().id(),
                offer.transferId(), now, now.plusSeconds(2));
        tx.begin();
        em.persist(shortOne);
        timers.arm(shortOne.id(), shortOne.untilAt());
        tx.commit();

        Instant ended = awaitEnd(shortOne.id(), now.plusSeconds(4));

        assertFalse(ended.isBefore(shortOne.untilAt()), "ended at " + ended + ", before " + shortOne.untilAt());
        assertEquals(1, prohibitionsEnded(offer.session().id()));
        assertFalse(prohibitions.end(shortOne.id()));
        assertEquals(1, prohibitionsEnded(offer.session().id()));
    }

    private record Registered(String id, String token) {
    }

    private record Opened(String id, String token) {
    }

    /** A desktop holding a session has offered it to a phone. */
    private record Offer(Registered desktop, Registered phone, Opened session, String transferId, String claimCode) {
    }

    private Registered register(String name, DeviceKind kind) {
        RegisteredDevice device = devices.register(alice, name, kind, "test", null);
        return new Registered(device.id(), device.deviceToken());
    }

    private Opened open(Registered device) {
        JsonObject session = sessions.open(alice, device.token(), "loans", Json.createObjectBuilder().add("form", "loan-42").build());
        return new Opened(session.getString("id"), session.getString("sessionToken"));
    }

    private Offer offerToPhone() {
        Registered desktop = register("desktop", DeviceKind.DESKTOP);
        Registered phone = register("phone", DeviceKind.PHONE);
        Opened session = open(desktop);
        JsonObject transfer = transfers.request(alice, desktop.token(), session.id(), session.token(), phone.id(), INFO, BASE);
        return new Offer(desktop, phone, session, transfer.getString("id"), transfer.getString("claimCode"));
    }

    private Offer handOver() {
        Offer offer = offerToPhone();
        JsonObject claim = handovers.claim(alice, offer.phone().token(), offer.transferId(), offer.claimCode());
        handovers.restore(alice, offer.phone().token(), offer.session().id(), claim.getString("restoreToken"), INFO);
        return offer;
    }

    private List<Prohibition> prohibitionsOf(String transferId) {
        return em.createQuery("select p from Prohibition p where p.transferId = :transfer", Prohibition.class)
                .setParameter("transfer", transferId)
                .getResultList();
    }

    private List<AuditEntry> auditOf(String sessionId) {
        return em.createQuery("select a from AuditRecord a where a.sessionId = :session order by a.id", AuditRecord.class)
                .setParameter("session", sessionId)
                .getResultStream()
                .map(AuditRecord::entry)
                .toList();
    }

    private static List<AuditAction> actions(List<AuditEntry> audit) {
        return audit.stream().map(AuditEntry::action).toList();
    }

    private long prohibitionsEnded(String sessionId) {
        return auditOf(sessionId).stream().filter(e -> e.action() == AuditAction.PROHIBITION_ENDED).count();
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
