package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
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
