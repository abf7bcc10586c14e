package dev.baton.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API (DESIGN.md §8.5): what an admin sees of a user, and all of a user's sessions ended
 * or devices revoked exactly as the user's own calls would, audited with the admin as actor and the
 * user as subject; nobody else may call it, and nobody else's data is touched.
 */
@ExtendWith(SharedBaton.class)
class AdminIT {

    private static final Duration EVENTS = Duration.ofSeconds(10);

    private final Admin admin = Admin.fresh();

    @Test
    void anAdminSeesAUsersDevicesSessionsOpenTransferAndProhibitionButNoSecret() {
        Clerk other = Clerk.fresh();
        other.open(other.register("desktop"));
        Clerk clerk = Clerk.fresh();
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        Clerk.Device tablet = clerk.register("tablet");
        Clerk.Held offered = clerk.open(desktop);
        JsonObject transfer = clerk.offer(desktop, offered, tablet);
        Clerk.Held moved = clerk.open(desktop);
        JsonObject restored = clerk.move(moved, desktop, phone);

        Reply reply = admin.view(clerk.user);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject user = reply.json();
        assertEquals(clerk.user, user.getString("user"));
        assertEquals(Set.of(desktop.id(), phone.id(), tablet.id()), ids(user.getJsonArray("devices")));
        assertEquals(Set.of(offered.id(), moved.id()), ids(user.getJsonArray("sessions")));
        JsonObject session = byId(user.getJsonArray("sessions"), moved.id());
        assertEquals(phone.id(), session.getString("holderDeviceId"));
        assertEquals("portal", session.getString("application"));
        assertFalse(session.containsKey("state"), "no state: " + session);
        JsonObject open = single(user.getJsonArray("transfers"));
        assertEquals(transfer.getString("id"), open.getString("id"));
        assertEquals("pending", open.getString("status"));
        assertEquals(tablet.id(), open.getString("targetDeviceId"));
        JsonObject prohibition = single(user.getJsonArray("prohibitions"));
        assertEquals(moved.id(), prohibition.getString("sessionId"));
        assertEquals(desktop.id(), prohibition.getString("deviceId"));
        Duration apart = Duration.between(Instant.parse(restored.getString("prohibitedUntil")), Instant.parse(prohibition.getString("untilAt")));
        assertTrue(apart.abs().toMillis() < 1, "until " + restored.getString("prohibitedUntil") + ", as stored: " + prohibition);
        for (String secret : List.of(desktop.token(), phone.token(), tablet.token(), offered.token(), moved.token(),
                restored.getString("sessionToken"), transfer.getString("claimCode"))) {
            assertFalse(reply.text().contains(secret), "the answer holds a token or code: " + reply.text());
        }
        assertEquals("no-store", reply.header("Cache-Control"));

        JsonObject viewed = single(Audit.of(clerk).page("user=" + admin.user + "&action=admin-user-viewed").getJsonArray("items"));
        assertEquals(clerk.user, viewed.getString("subject"));
        assertEquals("success", viewed.getString("outcome"));
    }

    @Test
    void aUserBatonNeverSawHasEmptyListsNotAnError() {
        Reply reply = admin.view("nobody-" + UUID.randomUUID());
        assertEquals(200, reply.status(), reply::toString);
        for (String list : List.of("devices", "sessions", "transfers", "prohibitions")) {
            assertEquals(0, reply.json().getJsonArray(list).size(), list);
        }
    }

    @Test
    void onlyAdminsMayCallTheAdminApi() {
        Clerk clerk = Clerk.fresh();
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Held session = clerk.open(desktop);
        List<String> notAdmins = List.of(clerk.jwt(), SharedBaton.issuer().token("auditor", "baton-auditor"),
                SharedBaton.issuer().token("clerk-auditor-" + UUID.randomUUID(), "baton-user", "baton-auditor"));
        for (String token : notAdmins) {
            for (String[] call : List.of(new String[] {"GET", ""}, new String[] {"DELETE", "/sessions"},
                    new String[] {"DELETE", "/devices"})) {
                Reply refused = admin.as(token, call[0], clerk.user, call[1]);
                assertEquals(403, refused.status(), () -> call[0] + call[1] + ": " + refused);
                assertEquals("forbidden", refused.code());
            }
        }
        Reply unauthenticated = admin.as("not-a-jwt", "DELETE", clerk.user, "/sessions");
        assertEquals("unauthenticated", unauthenticated.code());
        assertEquals(200, clerk.readSessionReply(desktop, session).status(), "nothing ended");
        assertEquals(0, Audit.of(clerk).count("subject=" + clerk.user));
    }

    @Test
    void badUserNamesAreInvalidRequests() {
        for (String name : List.of("a".repeat(256), "alice\u0007", "alice\nbob", "\u007f", " ")) {
            for (Reply reply : List.of(admin.view(name), admin.endSessions(name), admin.revokeDevices(name))) {
                assertEquals(400, reply.status(), () -> name + ": " + reply);
                assertEquals("invalid-request", reply.code());
            }
        }
        for (String name : List.of("a".repeat(255), "ålice@corp.example", "CN=Alice, O=Bank")) {
            assertEquals(200, admin.view(name).status(), name);
        }
    }

    @Test
    void endingAllSessionsEndsEachAsItsHolderWouldAndTellsTheHolders() {
        Clerk clerk = Clerk.fresh();
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        Clerk.Held first = clerk.open(desktop);
        Clerk.Held second = clerk.open(phone);
        Clerk.Held offered = clerk.open(desktop);
        String transferId = clerk.offer(desktop, offered, phone).getString("id");
        Clerk other = Clerk.fresh();
        Clerk.Device othersDevice = other.register("desktop");
        Clerk.Held othersSession = other.open(othersDevice);

        try (DeviceEvents atDesktop = DeviceEvents.listen(clerk, desktop); DeviceEvents atPhone = DeviceEvents.listen(clerk, phone)) {
            assertEquals(204, admin.endSessions(clerk.user).status());
            assertEquals(Set.of("transfer-cancelled " + offered.id(), "session-ended " + offered.id(), "session-ended " + first.id()),
                    named(atDesktop.next(3, EVENTS)));
            List<DeviceEvents.Event> phoneHeard = atPhone.next(2, EVENTS);
            assertEquals(Set.of("transfer-cancelled " + offered.id(), "session-ended " + second.id()), named(phoneHeard));
            assertTrue(phoneHeard.stream().allMatch(e -> "ended-by-admin".equals(e.data().getString("reason"))), phoneHeard::toString);
        }
        assertEquals("session-token-invalid", clerk.readSessionReply(desktop, first).code());
        assertEquals("session-token-invalid", clerk.readSessionReply(phone, second).code());
        assertEquals("session-token-invalid", clerk.readSessionReply(desktop, offered).code());
        assertEquals("cancelled", clerk.api.get("transfers/" + transferId).bearer(clerk.jwt()).device(phone.token()).send().get("status"));
        assertEquals(0, clerk.api.get("sessions").bearer(clerk.jwt()).send().array().size());

        Audit audit = Audit.of(clerk);
        for (Clerk.Held session : List.of(first, second, offered)) {
            JsonObject ended = single(audit.page("session=" + session.id() + "&action=session-ended").getJsonArray("items"));
            assertEquals(admin.user, ended.getString("actor"));
            assertEquals(clerk.user, ended.getString("subject"));
            assertEquals("ended-by-admin", ended.getString("reason"));
        }
        JsonObject cancelled = single(audit.page("session=" + offered.id() + "&action=transfer-cancelled").getJsonArray("items"));
        assertEquals(admin.user, cancelled.getString("actor"));
        JsonObject call = single(audit.page("user=" + admin.user + "&action=admin-sessions-ended").getJsonArray("items"));
        assertEquals(clerk.user, call.getString("subject"));
        assertEquals("sessions ×3", call.getString("reason"));
        assertEquals(5, audit.count("subject=" + clerk.user), "3 ends, 1 cancellation, the call");

        assertEquals(204, admin.endSessions(clerk.user).status(), "again: nothing left to end");
        assertEquals(3, audit.count("subject=" + clerk.user + "&action=session-ended"));
        assertEquals(200, other.readSessionReply(othersDevice, othersSession).status(), "another user's session goes on");
        clerk.open(desktop);
    }

    @Test
    void revokingAllDevicesRevokesEachAsItsOwnerWould() {
        Clerk clerk = Clerk.fresh();
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        Clerk.Held session = clerk.open(desktop);
        clerk.offer(desktop, session, phone);
        Clerk other = Clerk.fresh();
        Clerk.Device othersDevice = other.register("phone");

        try (DeviceEvents atDesktop = DeviceEvents.listen(clerk, desktop); DeviceEvents atPhone = DeviceEvents.listen(clerk, phone)) {
            assertEquals(204, admin.revokeDevices(clerk.user).status());
            assertEquals("device-revoked", atDesktop.await("session-ended", EVENTS).data().getString("reason"));
            atDesktop.await("device-revoked", EVENTS);
            atPhone.await("transfer-cancelled", EVENTS);
            atPhone.await("device-revoked", EVENTS);
        }
        JsonArray devices = clerk.api.get("devices").bearer(clerk.jwt()).send().array();
        assertEquals(2, devices.size());
        assertTrue(devices.getValuesAs(JsonObject.class).stream().allMatch(d -> "revoked".equals(d.getString("status"))), devices::toString);
        assertEquals("device-not-registered", clerk.readSessionReply(desktop, session).code());
        assertEquals("device-not-registered", clerk.openReply(phone, "portal", Clerk.info()).code());
        JsonObject user = admin.view(clerk.user).json();
        assertEquals(0, user.getJsonArray("sessions").size());
        assertEquals(0, user.getJsonArray("transfers").size(), "the open transfer was cancelled");

        Audit audit = Audit.of(clerk);
        List<JsonObject> revoked = audit.page("subject=" + clerk.user + "&action=device-revoked").getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(Set.of(desktop.id(), phone.id()), revoked.stream().map(r -> r.getString("deviceId")).collect(Collectors.toSet()));
        assertTrue(revoked.stream().allMatch(r -> admin.user.equals(r.getString("actor"))), revoked::toString);
        JsonObject ended = single(audit.page("session=" + session.id() + "&action=session-ended").getJsonArray("items"));
        assertEquals(admin.user, ended.getString("actor"));
        assertEquals("device-revoked", ended.getString("reason"));
        JsonObject call = single(audit.page("user=" + admin.user + "&action=admin-devices-revoked").getJsonArray("items"));
        assertEquals(clerk.user, call.getString("subject"));
        assertEquals("devices ×2", call.getString("reason"));

        assertEquals(204, admin.revokeDevices(clerk.user).status(), "again: nothing left to revoke");
        assertEquals(2, audit.count("subject=" + clerk.user + "&action=device-revoked"));
        other.open(othersDevice);
    }

    /**
     * An admin ending a user's sessions, four times, while the user's desktop asks to move each of
     * them to the phone, 32 calls at once: whatever the order, every session ends once, every
     * transfer that was opened is cancelled, and nothing is half done.
     */
    @Test
    void endingAllSessionsWhileTheirHolderRequestsTransfersLeavesNothingOpen() throws Exception {
        for (int round = 0; round < 2; round++) {
            Clerk clerk = Clerk.fresh();
            Clerk.Device desktop = clerk.register("desktop");
            Clerk.Device phone = clerk.register("phone");
            List<Clerk.Held> sessions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sessions.add(clerk.open(desktop));
            }
            List<Reply> replies = Race.of(i -> i % 8 == 3 ? admin.endSessions(clerk.user)
                    : clerk.offerReply(desktop, sessions.get(i % 8), phone.id(), Clerk.info()));

            Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
            assertTrue(Set.of(201, 204, 401, 409).containsAll(statuses.keySet()), () -> "statuses " + replies);
            assertEquals(4L, statuses.get(204), () -> "every admin call answered: " + replies);
            Audit audit = Audit.of(clerk);
            for (Clerk.Held session : sessions) {
                assertEquals(1, audit.count("session=" + session.id() + "&action=session-ended"));
                assertEquals(audit.count("session=" + session.id() + "&action=transfer-requested"),
                        audit.count("session=" + session.id() + "&action=transfer-cancelled"), "each transfer opened is cancelled");
                assertEquals("session-token-invalid", clerk.readSessionReply(desktop, session).code());
            }
            long opened = statuses.getOrDefault(201, 0L);
            assertEquals(opened, audit.count("subject=" + clerk.user + "&action=transfer-cancelled"));
            JsonObject user = admin.view(clerk.user).json();
            assertEquals(0, user.getJsonArray("sessions").size(), user::toString);
            assertEquals(0, user.getJsonArray("transfers").size(), user::toString);
            int ended = audit.page("user=" + admin.user + "&action=admin-sessions-ended&subject=" + clerk.user).getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream()
                    .mapToInt(r -> Integer.parseInt(r.getString("reason").substring("sessions ×".length()))).sum();
            assertEquals(8, ended, "the admin's calls ended the eight sessions between them");
        }
    }

    /**
     * The write limit is one budget per user, admin calls included: 590 cheap writes of a user who
     * is also an admin (revoking devices that do not exist) and 10 admin calls spend it, and the
     * next admin call is refused. Were admin calls not counted, it would be the 591st write.
     */
    @Test
    void anAdminsDeletionsCountAsWritesAgainstTheRateLimit() throws Exception {
        int adminCalls = 10;
        for (int attempt = 1; ; attempt++) {
            BatonServer.awayFromAMinuteBoundary(Duration.ofSeconds(30));
            long window = Instant.now().getEpochSecond() / 60;
            String token = SharedBaton.issuer().token("admin-" + UUID.randomUUID(), "baton-admin", "baton-user");
            String nobody = "nobody-" + UUID.randomUUID();
            List<Callable<Reply>> writes = new ArrayList<>();
            for (int i = 0; i < SharedBaton.WRITE_RATE - adminCalls; i++) {
                writes.add(() -> admin.api.delete("devices/" + UUID.randomUUID()).bearer(token).send());
            }
            for (int i = 0; i < adminCalls; i++) {
                writes.add(() -> admin.as(token, "DELETE", nobody, "/sessions"));
            }
            for (int from = 0; from < writes.size(); from += 10) {
                Race.all(writes.subList(from, from + 10))
                        .forEach(reply -> assertTrue(reply.status() == 404 || reply.status() == 204, reply::toString));
            }
            Reply limited = admin.as(token, "DELETE", nobody, "/devices");
            if (Instant.now().getEpochSecond() / 60 != window && attempt < 3) {
                continue; // the window turned while the writes were sent, and the count started again
            }
            assertEquals(429, limited.status(), limited::toString);
            assertEquals("rate-limited", limited.code());
            assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
            assertEquals(200, admin.as(token, "GET", nobody, "").status(), "reads are not limited");
            return;
        }
    }

    private static Set<String> ids(JsonArray items) {
        return items.getValuesAs(JsonObject.class).stream().map(i -> i.getString("id")).collect(Collectors.toSet());
    }

    private static JsonObject byId(JsonArray items, String id) {
        return items.getValuesAs(JsonObject.class).stream().filter(i -> id.equals(i.getString("id"))).findFirst().orElseThrow();
    }

    private static JsonObject single(JsonArray items) {
        assertEquals(1, items.size(), items::toString);
        return items.getJsonObject(0);
    }

    /** Each event as its name and session. */
    private static Set<String> named(List<DeviceEvents.Event> events) {
        return events.stream().map(e -> e.name() + " " + e.data().getString("sessionId", "-")).collect(Collectors.toSet());
    }
}
