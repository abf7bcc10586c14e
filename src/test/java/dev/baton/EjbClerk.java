package dev.baton;

import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.audit.entity.AuditRecord;
import dev.baton.device.boundary.DeviceService;
import dev.baton.device.boundary.RegisteredDevice;
import dev.baton.device.entity.DeviceKind;
import dev.baton.platform.security.Actor;
import dev.baton.session.boundary.OpenedSession;
import dev.baton.session.boundary.SessionService;
import dev.baton.transfer.boundary.ClaimableTransfer;
import dev.baton.transfer.boundary.ClaimedTransfer;
import dev.baton.transfer.boundary.HandoverService;
import dev.baton.transfer.boundary.TransferService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The in-container twin of the black-box tests' Clerk: a user of its own for each test, the
 * flow's steps through the boundary EJBs as one-liners, and what the audit says of a session. Each
 * step must succeed; a test about a refusal calls the EJB itself.
 */
@Dependent
public class EjbClerk {

    public static final URI BASE = URI.create("http://localhost/");
    public static final JsonObject INFO = Json.createObjectBuilder().add("title", "Loan 42").add("step", 3).build();

    public record Registered(String id, String token) {
    }

    public record Opened(String id, String token) {
    }

    /** A desktop holding a session has offered it to a phone. */
    public record Offer(Registered desktop, Registered phone, Opened session, String transferId, String claimCode) {
    }

    @Inject
    DeviceService devices;
    @Inject
    SessionService sessions;
    @Inject
    TransferService transfers;
    @Inject
    HandoverService handovers;
    @PersistenceContext
    EntityManager em;

    private final Actor actor = new Actor("user-" + UUID.randomUUID(), Set.of(Actor.USER), Instant.now(), "127.0.0.1");

    public Actor actor() {
        return actor;
    }

    public Registered register(String name, DeviceKind kind) {
        RegisteredDevice device = devices.register(actor, name, kind, "test", null);
        return new Registered(device.id(), device.deviceToken());
    }

    public Opened open(Registered device) {
        OpenedSession session = sessions.open(actor, device.token(), "loans", Json.createObjectBuilder().add("form", "loan-42").build());
        return new Opened(session.id(), session.sessionToken());
    }

    /** Registers a desktop and a phone, opens a session on the desktop and offers it to the phone. */
    public Offer offerToPhone() {
        Registered desktop = register("desktop", DeviceKind.DESKTOP);
        Registered phone = register("phone", DeviceKind.PHONE);
        Opened session = open(desktop);
        ClaimableTransfer transfer = transfers.request(actor, desktop.token(), session.id(), session.token(), phone.id(), INFO, BASE);
        return new Offer(desktop, phone, session, transfer.id(), transfer.claimCode());
    }

    /** The whole move: offered, claimed and restored on the phone; the desktop is kept out. */
    public Offer handOver() {
        Offer offer = offerToPhone();
        ClaimedTransfer claim = handovers.claim(actor, offer.phone().token(), offer.transferId(), offer.claimCode());
        handovers.restore(actor, offer.phone().token(), offer.session().id(), claim.restoreToken(), INFO);
        return offer;
    }

    /** {@code info} as the {@code Baton-Session-Info} header carries it: base64url of its JSON. */
    public static String encoded(JsonObject info) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(info.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The session's audit records, in the order they were written. */
    public List<AuditEntry> auditOf(String sessionId) {
        return em.createQuery("select a from AuditRecord a where a.sessionId = :session order by a.id", AuditRecord.class)
                .setParameter("session", sessionId)
                .getResultStream()
                .map(AuditRecord::entry)
                .toList();
    }

    /** The records of this user's own steps, in the order they were written. */
    public List<AuditEntry> auditOfUser() {
        return em.createQuery("select a from AuditRecord a where a.actor = :user order by a.id", AuditRecord.class)
                .setParameter("user", actor.user())
                .getResultStream()
                .map(AuditRecord::entry)
                .toList();
    }

    public List<AuditAction> actionsOf(String sessionId) {
        return auditOf(sessionId).stream().map(AuditEntry::action).toList();
    }

    public long count(String sessionId, AuditAction action) {
        return auditOf(sessionId).stream().filter(e -> e.action() == action).count();
    }
}
