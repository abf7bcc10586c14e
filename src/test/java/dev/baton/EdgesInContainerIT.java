package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.baton.EjbClerk.Offer;
import dev.baton.EjbClerk.Opened;
import dev.baton.EjbClerk.Registered;
import dev.baton.admin.boundary.AdminService;
import dev.baton.admin.boundary.UserId;
import dev.baton.audit.boundary.AuditService;
import dev.baton.audit.boundary.AuditVerdict;
import dev.baton.audit.control.AuditLog;
import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.device.boundary.DeviceService;
import dev.baton.device.control.Registrants;
import dev.baton.device.entity.DeviceKind;
import dev.baton.device.entity.Registrant;
import dev.baton.platform.security.Actor;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.device.control.DeviceSettings;
import dev.baton.secevent.control.OutboxRows;
import dev.baton.secevent.entity.OutboxEvent;
import dev.baton.session.boundary.SessionService;
import dev.baton.session.entity.Session;
import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transaction edges of the device, session, admin and audit boundaries inside Payara Micro: a
 * refusal leaves nothing of its step but the refusal's own audit record ({@code REQUIRES_NEW}); what
 * must be written with a change ({@code MANDATORY}: its audit record, its security event, the
 * registration lock) is refused outside one and goes when the change rolls back; one call that
 * changes many rows changes all of them. And the audit chainer links what commits. (The transfer
 * flow's edges are TransferFlowInContainerIT's.)
 */
@ExtendWith(ArquillianExtension.class)
class EdgesInContainerIT {

    @Deployment
    static WebArchive baton() {
        return InContainer.baton(EdgesInContainerIT.class);
    }

    @Inject
    EjbClerk clerk;
    @Inject
    DeviceService devices;
    @Inject
    SessionService sessions;
    @Inject
    AdminService admin;
    @Inject
    AuditService auditService;
    @Inject
    AuditLog auditLog;
    @Inject
    OutboxRows outbox;
    @Inject
    Registrants registrants;
    @Inject
    DeviceSettings settings;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;
    @Resource
    UserTransaction tx;

    @Test
    void aDeviceOverTheLimitIsRefusedAndOnlyItsRefusalIsWritten() {
        int limit = settings.maxDevicesPerUser();
        for (int i = 0; i < limit; i++) {
            clerk.register("phone " + i, DeviceKind.PHONE);
        }

        BatonException refused = assertThrows(BatonException.class, () -> clerk.register("one too many", DeviceKind.PHONE));

        assertEquals(Problem.DEVICE_LIMIT_REACHED, refused.problem());
        assertEquals(limit, em.createQuery("select count(d) from Device d where d.ownerId = :owner", Long.class)
                .setParameter("owner", clerk.actor().user()).getSingleResult());
        assertEquals(1, clerk.auditOfUser().stream().filter(e -> e.outcome() == AuditEntry.Outcome.REFUSED
                && Problem.DEVICE_LIMIT_REACHED.code().equals(e.reason())).count());
        assertEquals(limit, clerk.auditOfUser().stream().filter(e -> e.outcome() == AuditEntry.Outcome.SUCCESS).count());
        assertTrue(em.find(Registrant.class, clerk.actor().user()) != null, "the registration lock's row, made in its own transaction");
    }

    @Test
    void aStepsAuditRecordNeedsTheStepsTransactionAndGoesWithIt() throws Exception {
        AuditEntry entry = AuditEntry.of(AuditAction.SESSION_OPENED).by(clerk.actor()).succeeded();
        assertThrows(EJBTransactionRequiredException.class, () -> auditLog.record(entry));

        tx.begin();
        auditLog.record(entry);
        auditLog.refuse(AuditEntry.of(AuditAction.SESSION_OPENED).by(clerk.actor()), Problem.FORBIDDEN, "refused in the test");
        tx.rollback();

        assertEquals(List.of(AuditEntry.Outcome.REFUSED), clerk.auditOfUser().stream().map(AuditEntry::outcome).toList(),
                "the refusal, written in a transaction of its own, stays; the step's record went with the step");
    }

    @Test
    void aSecurityEventAndTheRegistrationLockNeedTheCallersTransaction() {
        OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), "session-revoked", "{}", clock.instant());
        assertThrows(EJBTransactionRequiredException.class, () -> outbox.add(event));
        assertThrows(EJBTransactionRequiredException.class, () -> registrants.lock(clerk.actor().user()));
        assertEquals(0L, em.createQuery("select count(e) from OutboxEvent e where e.jti = :jti", Long.class)
                .setParameter("jti", event.jti()).getSingleResult());
    }

    @Test
    void aSessionOpenedByADeviceThatIsNotRegisteredIsNotWritten() {
        BatonException refused = assertThrows(BatonException.class,
                () -> sessions.open(clerk.actor(), "no-such-device-token", "loans", Json.createObjectBuilder().build()));

        assertEquals(Problem.DEVICE_UNAUTHENTICATED, refused.problem());
        assertEquals(0L, activeSessions());
    }

    @Test
    void aStateWrittenAgainstAnOldVersionChangesNothing() {
        Registered desktop = clerk.register("desktop", DeviceKind.DESKTOP);
        Opened session = clerk.open(desktop);
        JsonObject newer = Json.createObjectBuilder().add("form", "loan-43").build();

        BatonException refused = assertThrows(BatonException.class,
                () -> sessions.replaceState(clerk.actor(), desktop.token(), session.id(), session.token(), 7, newer));

        assertEquals(Problem.VERSION_CONFLICT, refused.problem());
        Session stored = em.find(Session.class, session.id());
        assertEquals(1, stored.stateVersion());
        assertEquals(Json.createObjectBuilder().add("form", "loan-42").build().toString(), stored.state());
    }

    @Test
    void revokingADeviceEndsItsSessionAndCancelsItsTransferInOneStep() {
        Offer offer = clerk.offerToPhone();

        devices.revoke(clerk.actor(), offer.desktop().id());

        assertEquals(0L, activeSessions());
        assertEquals(TransferStatus.CANCELLED, em.find(Transfer.class, offer.transferId()).status());
        assertEquals(1, clerk.count(offer.session().id(), AuditAction.SESSION_ENDED));
        assertEquals(1, clerk.count(offer.session().id(), AuditAction.TRANSFER_CANCELLED));
        assertEquals(1, clerk.auditOfUser().stream().filter(e -> e.action() == AuditAction.DEVICE_REVOKED).count());
    }

    @Test
    void anAdminEndsEverySessionOfAUserAndSaysHowMany() {
        Registered desktop = clerk.register("desktop", DeviceKind.DESKTOP);
        clerk.open(desktop);
        clerk.open(desktop);
        Actor anAdmin = new Actor("admin-" + UUID.randomUUID(), Set.of(Actor.ADMIN), Instant.now(), "127.0.0.1");

        admin.endSessions(anAdmin, UserId.of(clerk.actor().user()));

        assertEquals(0L, activeSessions());
        List<AuditEntry> byAdmin = em.createQuery("select a from AuditRecord a where a.actor = :admin order by a.id",
                dev.baton.audit.entity.AuditRecord.class).setParameter("admin", anAdmin.user()).getResultStream()
                .map(dev.baton.audit.entity.AuditRecord::entry).toList();
        assertEquals(List.of(AuditAction.SESSION_ENDED, AuditAction.SESSION_ENDED, AuditAction.ADMIN_SESSIONS_ENDED),
                byAdmin.stream().map(AuditEntry::action).toList());
        assertEquals("sessions ×2", byAdmin.get(2).reason());
    }

    /**
     * The chainer's pass shortly after a commit links a step's records within two seconds; its
     * five-second sweep may come first, so a pass that never runs is caught three times in five.
     */
    @Test
    void theChainerLinksWhatCommitsAndTheChainVerifies() throws Exception {
        Offer offer = clerk.handOver();
        Instant deadline = clock.instant().plusSeconds(2);
        while (unlinked(offer.session().id()) > 0) {
            if (clock.instant().isAfter(deadline)) {
                fail(unlinked(offer.session().id()) + " of the session's records still unlinked after two seconds");
            }
            Thread.sleep(20);
        }
        AuditVerdict verdict = auditService.verify(List.of());
        assertTrue(verdict.valid(), verdict::toString);
    }

    private long unlinked(String sessionId) {
        return em.createQuery("select count(a) from AuditRecord a where a.sessionId = :session and a.seq is null", Long.class)
                .setParameter("session", sessionId).getSingleResult();
    }

    private long activeSessions() {
        return em.createQuery("select count(s) from Session s where s.ownerId = :owner and s.endedAt is null", Long.class)
                .setParameter("owner", clerk.actor().user()).getSingleResult();
    }
}
