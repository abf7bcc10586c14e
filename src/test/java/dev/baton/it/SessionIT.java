package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening, reading, updating and ending a session; activity and the idle timeout. */
@ExtendWith(SharedBaton.class)
class SessionIT {

    private final Clerk clerk = Clerk.fresh();
    private final Clerk.Device desktop = clerk.register("desktop");

    @Test
    void openReadUpdateWithIfMatchAndEnd() {
        Clerk.Held session = clerk.open(desktop);
        Reply read = clerk.readSessionReply(desktop, session);
        assertEquals(200, read.status());
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals(desktop.id(), read.get("holderDeviceId"));
        assertEquals(3, read.json().getJsonObject("state").getInt("step"));

        JsonObject next = Json.createObjectBuilder().add("form", "loan-42").add("step", 4).build();
        Reply missing = update(session, null, next);
        assertEquals(428, missing.status());
        assertEquals("precondition-required", missing.code());
        Reply updated = update(session, "\"1\"", next);
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(2, updated.json().getInt("version"));
        Reply stale = update(session, "\"1\"", next);
        assertEquals(412, stale.status());
        assertEquals("version-conflict", stale.code());
        assertEquals(4, clerk.readSessionReply(desktop, session).json().getJsonObject("state").getInt("step"));

        assertEquals(1, clerk.api.get("sessions").bearer(clerk.jwt()).send().array().size());
        assertEquals(204, clerk.api.delete("sessions/" + session.id()).bearer(clerk.jwt()).device(desktop.token())
                .session(session.token()).send().status());
        assertEquals("session-token-invalid", clerk.readSessionReply(desktop, session).code());
        assertEquals(0, clerk.api.get("sessions").bearer(clerk.jwt()).send().array().size());
        assertEquals(1, Audit.of(clerk).count("session=" + session.id() + "&action=SESSION_ENDED"));
    }

    /** Every member is in each answer; the token only when opened, the state only to the holder. */
    @Test
    void answersCarryEveryMember() {
        Reply opened = clerk.openReply(desktop, "portal", Json.createObjectBuilder().add("step", 1).build());
        assertEquals(201, opened.status(), opened::toString);
        assertEquals("\"1\"", opened.header("ETag"));
        assertEquals(Set.of("id", "application", "version", "holderDeviceId", "createdAt", "lastActivityAt", "expiresAt",
                "state", "sessionToken"), opened.json().keySet());
        Clerk.Held session = new Clerk.Held(opened.get("id"), opened.get("sessionToken"));
        Set<String> withState = Set.of("id", "application", "version", "holderDeviceId", "createdAt", "lastActivityAt",
                "expiresAt", "state");
        assertEquals(withState, clerk.readSessionReply(desktop, session).json().keySet());
        assertEquals(withState, update(session, "\"1\"", Json.createObjectBuilder().build()).json().keySet());
        JsonObject listed = clerk.api.get("sessions").bearer(clerk.jwt()).send().array().getJsonObject(0);
        assertEquals(Set.of("id", "application", "version", "holderDeviceId", "createdAt", "lastActivityAt", "expiresAt"),
                listed.keySet());
    }

    /** The state is read as strictly as any body, though it is free-form; the detail names what is wrong. */
    @Test
    void badBodiesAreRefusedNamingTheMemberAndChangeNothing() {
        String[][] openings = {
            {"{\"application\":\"portal\"}", "'state' is required."},
            {"{\"application\":\"portal\",\"state\":[]}", "'state' must be a JSON object."},
            {"{\"application\":\"portal\",\"state\":{},\"colour\":1}", "'colour' is not a known field."},
            {"{\"application\":\"port al\",\"state\":{}}", "'application' is letters, digits, '.', '_' and '-', at most 64."},
            {"{\"application\":\"portal\",\"state\":{\"a\":1,\"a\":2}}", "'state.a' appears more than once."},
            {"", "Expected a JSON object."},
        };
        for (String[] opening : openings) {
            Reply refused = clerk.api.post("sessions").bearer(clerk.jwt()).device(desktop.token()).json(opening[0]).send();
            assertEquals(400, refused.status(), () -> opening[0] + " -> " + refused);
            assertEquals("invalid-request", refused.code());
            assertEquals(opening[1], refused.json().getString("detail"), opening[0]);
        }
        assertEquals(0, clerk.api.get("sessions").bearer(clerk.jwt()).send().array().size(), "nothing was opened");

        Clerk.Held session = clerk.open(desktop);
        String[][] states = {
            {"{\"a\":{\"k\":1,\"k\":2}}", "'a.k' appears more than once."},
            {"{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}", "Nested deeper than 64 levels."},
            {"{} {}", "Content after the JSON object."},
            {"[]", "Expected a JSON object."},
            {"", "Expected a JSON object."},
        };
        for (String[] state : states) {
            Reply refused = clerk.api.put("sessions/" + session.id() + "/state").bearer(clerk.jwt()).device(desktop.token())
                    .session(session.token()).header("If-Match", "\"1\"").json(state[0]).send();
            assertEquals(400, refused.status(), () -> state[0] + " -> " + refused);
            assertEquals("invalid-request", refused.code());
            assertEquals(state[1], refused.json().getString("detail"), state[0]);
        }
        assertEquals("\"1\"", clerk.readSessionReply(desktop, session).header("ETag"), "the state is unchanged");
    }

    @Test
    void eachAccessIsActivityAndAnIdleSessionIsNotActive() throws InterruptedException {
        Clerk.Held session = clerk.open(desktop);
        Instant before = Instant.parse(clerk.readSessionReply(desktop, session).get("lastActivityAt"));
        Thread.sleep(SharedBaton.IDLE.dividedBy(20).plusMillis(100).toMillis()); // the resolution of activity
        assertTrue(Instant.parse(clerk.readSessionReply(desktop, session).get("lastActivityAt")).isAfter(before));

        Thread.sleep(SharedBaton.IDLE.plusSeconds(1).toMillis());
        Reply idle = clerk.readSessionReply(desktop, session);
        assertEquals(409, idle.status());
        assertEquals("session-not-active", idle.code());
        Reply transfer = clerk.offerReply(desktop, session, clerk.register("phone").id(), Clerk.info());
        assertEquals("session-not-active", transfer.code());
    }

    private Reply update(Clerk.Held session, String ifMatch, JsonObject state) {
        return clerk.api.put("sessions/" + session.id() + "/state").bearer(clerk.jwt()).device(desktop.token())
                .session(session.token()).header("If-Match", ifMatch).json(state).send();
    }
}
