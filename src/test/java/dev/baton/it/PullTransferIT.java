package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pull transfers, "continue here" (DESIGN.md §8.6): the device that wants a session asks for it,
 * the device holding it approves or denies, and an approved pull is claimed and restored as a push.
 */
@ExtendWith(SharedBaton.class)
class PullTransferIT {

    private static final Duration EVENT = Duration.ofSeconds(5);

    private final Clerk clerk = Clerk.fresh();
    private final Clerk.Device desktop = clerk.register("desktop");
    private final Clerk.Device phone = clerk.register("phone");

    @Test
    void thePhoneAsksTheDesktopApprovesAndThePhoneClaimsAndRestoresAsAPush() {
        Clerk.Held session = clerk.open(desktop);
        try (DeviceEvents desktopEvents = DeviceEvents.listen(clerk, desktop);
             DeviceEvents phoneEvents = DeviceEvents.listen(clerk, phone)) {
            Reply asked = clerk.pullReply(phone, session.id());
            assertEquals(201, asked.status(), asked::toString);
            JsonObject pull = asked.json();
            String id = pull.getString("id");
            assertEquals("pull", pull.getString("direction"));
            assertEquals("awaiting-approval", pull.getString("status"));
            assertEquals(desktop.id(), pull.getString("sourceDeviceId"));
            assertEquals(phone.id(), pull.getString("targetDeviceId"));
            assertEquals(session.id(), pull.getString("sessionId"));
            assertTrue(Instant.parse(pull.getString("expiresAt")).isAfter(Instant.now()));
            assertFalse(pull.containsKey("claimCode"), "no code before the holder approves");
            assertTrue(asked.header("Location").endsWith("/api/v1/transfers/" + id), asked.header("Location"));

            JsonObject requested = desktopEvents.await("transfer-requested", EVENT).data();
            assertEquals(id, requested.getString("transferId"));
            assertEquals(session.id(), requested.getString("sessionId"));
            JsonObject asker = requested.getJsonObject("targetDevice");
            assertEquals(phone.id(), asker.getString("id"));
            assertEquals("phone of " + clerk.user, asker.getString("name"));
            assertEquals("phone", asker.getString("kind"));
            assertEquals("test", asker.getString("platform"));

            Reply early = clerk.claimReply(phone, id, "AAAAAAAA");
            assertEquals(409, early.status(), early::toString);
            assertEquals("transfer-not-approved", early.code());

            Reply approved = clerk.approveReply(desktop, session, id);
            assertEquals(200, approved.status(), approved::toString);
            assertEquals("pending", approved.get("status"));
            assertEquals("pull", approved.get("direction"));
            assertTrue(approved.get("claimCode").matches("[2-9A-HJKMNP-TV-Z]{8}"), approved::toString);
            assertEquals("no-store", approved.header("Cache-Control"));
            assertEquals(id, phoneEvents.await("transfer-approved", EVENT).data().getString("transferId"));
            assertEquals("pending", clerk.api.get("transfers/" + id).bearer(clerk.jwt()).device(phone.token()).send().get("status"));

            Reply claim = clerk.claimReply(phone, id, approved.get("claimCode"));
            assertEquals(200, claim.status(), claim::toString);
            assertEquals(Clerk.info(), claim.json().getJsonObject("sessionInfo"), "the information the holder sent at approval");
            desktopEvents.await("transfer-claimed", EVENT);
            Reply restore = clerk.restoreReply(phone, session.id(), claim.get("restoreToken"), claim.json().getJsonObject("sessionInfo"));
            assertEquals(200, restore.status(), restore::toString);
            assertEquals(phone.id(), restore.get("holderDeviceId"));
            assertEquals("loan-42", restore.json().getJsonObject("state").getString("form"));
            desktopEvents.await("session-moved", EVENT);
            assertEquals("access-prohibited", clerk.readSessionReply(desktop, session).code());

            Reply back = clerk.pullReply(desktop, session.id());
            assertEquals(403, back.status(), "the desktop cannot pull it back inside its window: " + back);
            assertEquals("access-prohibited", back.code());
            assertNotNull(back.header("Retry-After"));
        }
        for (String action : List.of("PULL_REQUESTED", "PULL_APPROVED", "TRANSFER_CLAIMED", "SESSION_RESTORED")) {
            assertEquals(1, succeeded(session, action), action);
        }
        assertEquals(1, refused(session, "CLAIM_FAILED", "transfer-not-approved"));
    }

    @Test
    void theDesktopDeniesThePhoneIsToldAndTheSessionIsFreeAgain() {
        Clerk.Held session = clerk.open(desktop);
        try (DeviceEvents phoneEvents = DeviceEvents.listen(clerk, phone)) {
            String id = clerk.pull(phone, session).getString("id");
            Reply denied = clerk.denyReply(desktop, id);
            assertEquals(200, denied.status(), denied::toString);
            assertEquals("denied", denied.get("status"));
            assertFalse(denied.json().containsKey("claimCode"));
            DeviceEvents.Event told = phoneEvents.await("transfer-denied", EVENT);
            assertEquals(id, told.data().getString("transferId"));
            assertEquals("denied-by-holder", told.data().getString("reason"));

            assertEquals("transfer-gone", clerk.approveReply(desktop, session, id).code());
            assertEquals("transfer-gone", clerk.denyReply(desktop, id).code());
            assertEquals("transfer-gone", clerk.claimReply(phone, id, "AAAAAAAA").code());
            assertEquals("denied", clerk.api.get("transfers/" + id).bearer(clerk.jwt()).device(phone.token()).send().get("status"));
            assertEquals(200, clerk.readSessionReply(desktop, session).status(), "the holder keeps its session");
        }
        assertEquals(201, clerk.pullReply(phone, session.id()).status(), "a denied pull is closed");
        assertEquals(1, succeeded(session, "PULL_DENIED"));
        assertEquals(2, refused(session, "PULL_APPROVED", "transfer-gone") + refused(session, "PULL_DENIED", "transfer-gone"));
    }

    @Test
    void onlyTheHolderApprovesOrDeniesAndOnlyWithItsSessionToken() {
        Clerk.Held session = clerk.open(desktop);
        Clerk.Device tablet = clerk.register("tablet");
        String id = clerk.pull(phone, session).getString("id");

        Reply byAsker = clerk.api.post("transfers/" + id + "/approve").bearer(clerk.jwt()).device(phone.token()).send();
        assertEquals(403, byAsker.status(), byAsker::toString);
        assertEquals("transfer-not-authorized", byAsker.code());
        assertEquals("transfer-not-authorized", clerk.approveReply(tablet, session, id).code());
        assertEquals("transfer-not-authorized", clerk.denyReply(phone, id).code());
        assertEquals("transfer-not-authorized", clerk.denyReply(tablet, id).code());
        Clerk stranger = Clerk.fresh();
        Clerk.Device theirs = stranger.register("desktop");
        assertEquals("not-found", stranger.approveReply(theirs, session, id).code(), "another user's transfer is missing");
        assertEquals("not-found", stranger.denyReply(theirs, id).code());

        Reply noToken = clerk.api.post("transfers/" + id + "/approve").bearer(clerk.jwt()).device(desktop.token())
                .header("Baton-Session-Info", Clerk.encode(Clerk.info())).send();
        assertEquals("session-token-invalid", noToken.code());
        Reply noInfo = clerk.api.post("transfers/" + id + "/approve").bearer(clerk.jwt()).device(desktop.token())
                .session(session.token()).send();
        assertEquals("session-info-invalid", noInfo.code());
        assertEquals("transfer-not-authorized", clerk.api.delete("transfers/" + id).bearer(clerk.jwt()).device(desktop.token())
                .send().code(), "the holder denies a request, it does not cancel it");

        assertEquals("awaiting-approval", clerk.api.get("transfers/" + id).bearer(clerk.jwt()).device(phone.token()).send().get("status"));
        assertEquals(200, clerk.approveReply(desktop, session, id).status(), "the refusals changed nothing");
        assertEquals(2, refused(session, "PULL_APPROVED", "transfer-not-authorized"));
        assertEquals(2, refused(session, "PULL_DENIED", "transfer-not-authorized"));

        JsonObject push = clerk.offer(desktop, clerk.open(desktop), tablet);
        assertEquals("push", push.getString("direction"));
        assertEquals("transfer-not-authorized", clerk.approveReply(desktop, session, push.getString("id")).code(), "a push awaits no approval");
    }

    @Test
    void sessionsNotHeldElsewhereAnswerAsMissingOrRefused() {
        Clerk stranger = Clerk.fresh();
        Clerk.Held theirs = stranger.open(stranger.register("desktop"));
        assertEquals("not-found", clerk.pullReply(phone, theirs.id()).code(), "another user's session");
        assertEquals("not-found", clerk.pullReply(phone, UUID.randomUUID().toString()).code());
        assertEquals("not-found", clerk.pullReply(phone, "not-an-id").code());

        Clerk.Held ended = clerk.open(desktop);
        assertEquals(204, clerk.api.delete("sessions/" + ended.id()).bearer(clerk.jwt()).device(desktop.token())
                .session(ended.token()).send().status());
        assertEquals("not-found", clerk.pullReply(phone, ended.id()).code(), "an ended session is held nowhere");

        Clerk.Held session = clerk.open(desktop);
        Reply own = clerk.pullReply(desktop, session.id());
        assertEquals(403, own.status());
        assertEquals("transfer-not-authorized", own.code(), "the holder cannot pull from itself");
        Reply withTarget = clerk.api.post("transfers").bearer(clerk.jwt()).device(phone.token())
                .json(Json.createObjectBuilder().add("sessionId", session.id()).add("targetDeviceId", phone.id()).build()).send();
        assertEquals("invalid-request", withTarget.code(), "a push's body is no pull");
        assertEquals("invalid-request", clerk.api.post("transfers").bearer(clerk.jwt()).device(phone.token()).json("{}").send().code());
        assertEquals("device-unauthenticated", clerk.api.post("transfers").bearer(clerk.jwt())
                .json(Json.createObjectBuilder().add("sessionId", session.id()).build()).send().code());

        Reply payments = clerk.openReply(desktop, "payments", Json.createObjectBuilder().build());
        Reply toPhone = clerk.pullReply(phone, payments.get("id"));
        assertEquals(403, toPhone.status(), "payments may move to desktops and laptops only: " + toPhone);
        assertEquals("transfer-not-authorized", toPhone.code());
        assertEquals(2, Audit.of(clerk).page("user=" + clerk.user + "&action=PULL_REQUESTED").getJsonArray("items").stream()
                .filter(item -> "refused".equals(item.asJsonObject().getString("outcome"))).count(), "both policy refusals audited");
    }

    @Test
    void aBoundDeviceAsksWithAProofOfItsKey() {
        ProofKey key = ProofKey.ec();
        Reply registered = clerk.registerReply("laptop", key.jwk());
        Clerk.Device laptop = new Clerk.Device(registered.get("id"), registered.get("deviceToken"));
        Clerk.Held session = clerk.open(desktop);
        JsonObject body = Json.createObjectBuilder().add("sessionId", session.id()).build();
        Reply unproven = clerk.api.post("transfers").bearer(clerk.jwt()).device(laptop.token()).json(body).send();
        assertEquals("proof-invalid", unproven.code());
        Reply proven = clerk.api.post("transfers").bearer(clerk.jwt()).device(laptop.token())
                .header("DPoP", key.proof("POST", clerk.api.uri("transfers"))).json(body).send();
        assertEquals(201, proven.status(), proven::toString);
    }

    @Test
    void theAskingDeviceWithdrawsItsRequestAndTheHolderIsTold() {
        Clerk.Held session = clerk.open(desktop);
        try (DeviceEvents desktopEvents = DeviceEvents.listen(clerk, desktop)) {
            String id = clerk.pull(phone, session).getString("id");
            desktopEvents.await("transfer-requested", EVENT);
            assertEquals(204, clerk.api.delete("transfers/" + id).bearer(clerk.jwt()).device(phone.token()).send().status());
            assertEquals("withdrawn-by-target", desktopEvents.await("transfer-cancelled", EVENT).data().getString("reason"));
            assertEquals("transfer-gone", clerk.approveReply(desktop, session, id).code());
        }
    }

    @Test
    void anUnapprovedPullExpiresAndBothDevicesAreTold() {
        Clerk.Held session = clerk.open(desktop);
        try (DeviceEvents desktopEvents = DeviceEvents.listen(clerk, desktop);
             DeviceEvents phoneEvents = DeviceEvents.listen(clerk, phone)) {
            String id = clerk.pull(phone, session).getString("id");
            assertEquals(id, phoneEvents.await("transfer-expired", SharedBaton.TRANSFER_TTL.plusSeconds(7)).data().getString("transferId"));
            assertEquals(id, desktopEvents.await("transfer-expired", EVENT).data().getString("transferId"));
            Reply late = clerk.approveReply(desktop, session, id);
            assertEquals(410, late.status(), late::toString);
            assertEquals("transfer-gone", late.code());
            assertEquals("expired", clerk.api.get("transfers/" + id).bearer(clerk.jwt()).device(desktop.token()).send().get("status"));
        }
        assertEquals(1, Audit.of(clerk).count("session=" + session.id() + "&action=TRANSFER_EXPIRED"));
        assertEquals(201, clerk.pullReply(phone, session.id()).status());
    }

    @Test
    void aPullAndAPushRacingOnOneSessionOpenOneTransfer() throws Exception {
        for (int round = 0; round < 3; round++) {
            Clerk racer = Clerk.fresh();
            Clerk.TwoDevices two = racer.twoDevices();
            Clerk.Device holder = two.desktop();
            Clerk.Device asker = two.phone();
            Clerk.Held session = two.session();
            List<Reply> replies = Race.of(i -> i % 2 == 0
                    ? racer.pullReply(asker, session.id())
                    : racer.offerReply(holder, session, asker.id(), Clerk.info()));
            List<String> statuses = replies.stream().map(r -> r.status() + (r.status() == 201 ? "" : " " + r.text())).toList();
            assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), statuses::toString);
            assertTrue(replies.stream().allMatch(r -> r.status() == 201 || r.status() == 409 && "transfer-in-progress".equals(r.code())),
                    statuses::toString);
            Audit audit = Audit.of(racer);
            assertEquals(1, audit.count("session=" + session.id() + "&action=TRANSFER_REQUESTED")
                    + succeeded(racer, session, "PULL_REQUESTED"), statuses::toString);
        }
    }

    @Test
    void pullsAreWritesForTheRateLimit() {
        BatonServer.awayFromAMinuteBoundary(Duration.ofSeconds(45));
        Clerk writer = Clerk.fresh();
        Clerk.Device device = writer.register("phone");
        String jwt = writer.jwt();
        JsonObject body = Json.createObjectBuilder().add("sessionId", UUID.randomUUID().toString()).build();
        // Registration was one write of this minute's budget.
        for (int i = 1; i < SharedBaton.WRITE_RATE - 1; i++) {
            Reply pull = writer.api.post("transfers").bearer(jwt).device(device.token()).json(body).send();
            assertEquals(404, pull.status(), "write " + (i + 1) + ": " + pull);
        }
        Reply last = writer.api.post("transfers/" + UUID.randomUUID() + "/deny").bearer(jwt).device(device.token()).send();
        assertEquals(404, last.status(), "the budget's last write: " + last);
        Reply limited = writer.api.post("transfers").bearer(jwt).device(device.token()).json(body).send();
        assertEquals(429, limited.status(), limited::toString);
        assertEquals("rate-limited", limited.code());
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals("rate-limited", writer.api.delete("transfers/" + UUID.randomUUID()).bearer(jwt).device(device.token()).send().code(),
                "pulls used the budget every write shares");
    }

    private long succeeded(Clerk.Held session, String action) {
        return succeeded(clerk, session, action);
    }

    private static long succeeded(Clerk who, Clerk.Held session, String action) {
        return Audit.of(who).page("session=" + session.id() + "&action=" + action + "&size=200").getJsonArray("items").stream()
                .filter(item -> "success".equals(item.asJsonObject().getString("outcome"))).count();
    }

    private long refused(Clerk.Held session, String action, String reason) {
        return Audit.of(clerk).page("session=" + session.id() + "&action=" + action + "&size=200").getJsonArray("items").stream()
                .map(item -> item.asJsonObject())
                .filter(item -> "refused".equals(item.getString("outcome")) && reason.equals(item.getString("reason", null)))
                .count();
    }
}
