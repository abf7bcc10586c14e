package dev.baton.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail: every step, its filters and pages, and never a secret — there or in the log. */
@ExtendWith(SharedBaton.class)
class AuditIT {

    @Test
    void everyStepIsAuditedNewestFirstWithItsFilters() {
        Instant start = Instant.now();
        Clerk clerk = Clerk.fresh();
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        Clerk.Held session = clerk.open(desktop);
        clerk.move(session, desktop, phone);
        clerk.readSessionReply(desktop, session);

        Audit audit = Audit.of(clerk);
        JsonObject page = audit.page("user=" + clerk.user);
        List<String> actions = page.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("action")).toList();
        assertEquals(List.of("access-prohibited", "session-restored", "transfer-claimed", "transfer-requested", "session-opened",
                "device-registered", "device-registered"), actions);
        assertEquals("refused", page.getJsonArray("items").getJsonObject(0).getString("outcome"));
        JsonObject restored = page.getJsonArray("items").getJsonObject(1);
        assertEquals("success", restored.getString("outcome"));
        assertEquals(desktop.id(), restored.getString("deviceId"));
        assertEquals(phone.id(), restored.getString("targetDeviceId"));
        assertEquals(clerk.user, restored.getString("actor"));
        assertTrue(restored.isNull("reason"));
        assertEquals("127.0.0.1", restored.getString("remoteAddress"));

        assertEquals(4, audit.count("device=" + phone.id()), "registered, offered, claimed, restored");
        assertEquals(1, audit.count("user=" + clerk.user + "&action=session-opened"));
        assertEquals(1, audit.count("user=" + clerk.user + "&action=SESSION_OPENED"), "as earlier versions wrote it");
        assertEquals(7, audit.count("user=" + clerk.user + "&from=" + start));
        assertEquals(0, audit.count("user=" + clerk.user + "&to=" + start));
        JsonObject second = audit.page("user=" + clerk.user + "&page=1&size=3");
        assertEquals(3, second.getJsonArray("items").size());
        assertEquals("transfer-requested", second.getJsonArray("items").getJsonObject(0).getString("action"));
        assertEquals(7, second.getInt("total"));
    }

    /**
     * Bad tokens, missing roles and bad input are audited too, counted per caller and reason over a
     * window rather than one record each; refusals a step audits itself are not counted again.
     */
    @Test
    void refusalsNoStepAuditsAreCountedPerCallerAndReason() {
        String roleless = "roleless-" + UUID.randomUUID();
        String noRole = SharedBaton.issuer().token(roleless);
        Api api = new Api(SharedBaton.server().base());
        for (int i = 0; i < 30; i++) {
            assertEquals(403, api.get("devices").bearer(noRole).send().status());
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.get("devices").bearer("not-a-jwt-" + i).send().status());
        }
        Clerk clerk = Clerk.fresh();
        assertEquals(400, clerk.api.post("devices").bearer(clerk.jwt()).json("{\"kind\":").send().status());
        assertEquals(401, clerk.api.get("sessions/" + UUID.randomUUID()).bearer(clerk.jwt()).device("unknown").send().status());

        Audit audit = Audit.of(clerk);
        BatonServer.sleep(SharedBaton.REFUSAL_WINDOW.multipliedBy(2).plusSeconds(1));
        List<JsonObject> forbidden = audit.page("action=requests-refused&user=" + roleless).getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertTrue(!forbidden.isEmpty() && forbidden.size() <= 3, "30 refusals in a record or few: " + forbidden);
        assertEquals(30, forbidden.stream().mapToLong(r -> count(r, "forbidden")).sum(), forbidden::toString);

        List<JsonObject> anonymous = audit.page("action=requests-refused&user=anonymous&size=100").getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertTrue(anonymous.stream().anyMatch(r -> r.getString("reason").startsWith("unauthenticated ×")
                && "127.0.0.1".equals(r.getString("remoteAddress"))), anonymous::toString);

        List<String> own = audit.page("action=requests-refused&user=" + clerk.user).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("reason")).toList();
        assertEquals(List.of("invalid-request ×1"), own, "the bad body counted; the unknown device token is DEVICE_REFUSED only");
        assertEquals(1, audit.count("action=device-refused&user=" + clerk.user));
    }

    private static long count(JsonObject record, String code) {
        String reason = record.getString("reason");
        assertTrue(reason.startsWith(code + " ×"), reason);
        return Long.parseLong(reason.substring(reason.indexOf('×') + 1));
    }

    @Test
    void theAuditChainIsWholeAndOnlyAuditorsMayCheckIt() {
        Clerk clerk = Clerk.fresh();
        Clerk.Device desktop = clerk.register("desktop");
        clerk.move(clerk.open(desktop), desktop, clerk.register("phone"));
        String auditor = SharedBaton.issuer().token("auditor", "baton-auditor");
        JsonObject verdict = clerk.api.get("audit/verify").bearer(auditor).send().json();
        assertEquals(true, verdict.getBoolean("valid"), verdict::toString);
        assertTrue(verdict.getInt("checked") >= 6, verdict::toString);
        assertTrue(verdict.isNull("firstBrokenId"));
        assertEquals(403, clerk.api.get("audit/verify").bearer(clerk.jwt()).send().status());
    }

    /** Checkpoints are taken back only as Baton logged them: anything else is refused, naming what is wrong. */
    @Test
    void checkpointsToVerifyAgainstAreRefusedUnlessAsLogged() {
        Api api = Clerk.fresh().api;
        String auditor = SharedBaton.issuer().token("auditor", "baton-auditor");
        Reply none = api.post("audit/verify").bearer(auditor).json("{\"checkpoints\":[]}").send();
        assertEquals(200, none.status(), none::toString);
        assertTrue(none.json().getBoolean("valid"), none::toString);

        String logged = "\"seq\":1,\"hash\":\"aGFzaA\",\"at\":\"2026-11-28T13:37:10.032678Z\",\"keyId\":\"k1\",\"mac\":\"bWFj\"";
        Map<String, String> refusals = Map.of(
                "{}", "'checkpoints' is required.",
                "{\"checkpoints\":[null]}", "'checkpoints[0]' must be a checkpoint, not null.",
                "{\"checkpoints\":[{" + logged.replace("\"seq\":1", "\"seq\":\"1\"") + "}]}", "'checkpoints.seq' must be a whole number.",
                "{\"checkpoints\":[{" + logged.replace("\"seq\":1", "\"seq\":0") + "}]}", "'checkpoints[0].seq' must be a whole number from 1.",
                "{\"checkpoints\":[{" + logged + ",\"note\":\"x\"}]}", "'checkpoints.note' is not a known field.",
                "{\"checkpoints\":[{" + logged.replace("\"mac\":\"bWFj\"", "\"mac\":\" \"") + "}]}", "'checkpoints[0].mac' must not be blank.",
                "{\"checkpoints\":[{" + logged + "}]}", "The checkpoint of record 1 was not signed by this Baton's keys.");
        refusals.forEach((body, detail) -> {
            Reply refused = api.post("audit/verify").bearer(auditor).json(body).send();
            assertEquals(400, refused.status(), refused::toString);
            assertEquals("invalid-request", refused.code());
            assertEquals(detail, refused.get("detail"), body);
        });
    }

    @Test
    void badFiltersAreInvalidRequests() {
        Api api = Clerk.fresh().api;
        String auditor = SharedBaton.issuer().token("auditor", "baton-auditor");
        for (String query : List.of("action=NOPE", "from=yesterday", "size=201", "page=-1", "size=x")) {
            Reply reply = api.get("audit?" + query).bearer(auditor).send();
            assertEquals(400, reply.status(), query);
            assertEquals("invalid-request", reply.code());
        }
    }

    @Test
    void noTokenOrCodeAppearsInTheAuditOrInTheLog() throws IOException {
        Secrets secrets = Secrets.ofAFlow(Clerk.fresh());
        String audit = Audit.of(secrets.clerk()).page("user=" + secrets.clerk().user).toString();
        String log = Files.readString(SharedBaton.server().log());
        for (String secret : secrets.all()) {
            assertFalse(audit.contains(secret), "audit holds a secret");
            assertFalse(log.contains(secret), "log holds a secret");
        }
    }
}
