package dev.baton.it;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browsers on the portal's origin (DESIGN.md §8.2): preflights and answers; other origins get nothing. */
@ExtendWith(SharedBaton.class)
class CorsIT {

    private static final Set<String> REQUESTED = Set.of("authorization", "content-type", "if-match", "dpop",
            "baton-device-token", "baton-session-token", "baton-session-info");

    private final Clerk clerk = Clerk.fresh();
    private final Api api = clerk.api;

    @Test
    void aListedOriginsPreflightIsAnsweredWithWhatBatonTakes() {
        for (String origin : new String[] {SharedBaton.PORTAL, SharedBaton.LOCAL_PORTAL}) {
            Reply reply = preflight("sessions/some-id/state", origin, "PUT");
            assertEquals(204, reply.status(), reply::toString);
            assertEquals(origin, reply.header("Access-Control-Allow-Origin"));
            assertEquals(Set.of("GET", "POST", "PUT", "DELETE"), list(reply.header("Access-Control-Allow-Methods")));
            assertTrue(list(reply.header("Access-Control-Allow-Headers").toLowerCase()).containsAll(REQUESTED), reply::toString);
            assertEquals("600", reply.header("Access-Control-Max-Age"));
            assertEquals("Origin", reply.header("Vary"));
            assertNull(reply.header("Access-Control-Allow-Credentials"));
        }
    }

    @Test
    void aListedOriginSeesTheHeadersItNeeds() {
        Reply created = clerk.api.post("devices").bearer(clerk.jwt()).header("Origin", SharedBaton.PORTAL)
                .json("{\"name\":\"Browser\",\"kind\":\"desktop\",\"platform\":\"Chromium\"}").send();
        assertEquals(201, created.status(), created::toString);
        assertEquals(SharedBaton.PORTAL, created.header("Access-Control-Allow-Origin"));
        assertEquals(Set.of("ETag", "Location", "Retry-After", "WWW-Authenticate", "X-Request-Id"),
                list(created.header("Access-Control-Expose-Headers")));
        assertEquals("Origin", created.header("Vary"));

        Reply refused = api.get("devices").header("Origin", SharedBaton.PORTAL).send();
        assertEquals(401, refused.status());
        assertEquals(SharedBaton.PORTAL, refused.header("Access-Control-Allow-Origin"), "a browser app must read the refusal");
        assertEquals("unauthenticated", refused.code());
    }

    @Test
    void otherOriginsGetNoCorsHeaderAtAll() {
        String[] strangers = {"https://evil.example", "https://portal.baton.test.evil.example", "http://portal.baton.test",
            "https://portal.baton.test:8443", "null", "*", SharedBaton.PORTAL + "/"};
        for (String origin : strangers) {
            for (Reply reply : new Reply[] {preflight("devices", origin, "POST"),
                    api.get("devices").bearer(clerk.jwt()).header("Origin", origin).send()}) {
                assertTrue(reply.raw().headers().map().keySet().stream().noneMatch(h -> h.toLowerCase().startsWith("access-control-")),
                        () -> origin + " -> " + reply.raw().headers().map());
            }
        }
        Reply own = api.get("devices").bearer(clerk.jwt()).send();
        assertEquals(200, own.status());
        assertNull(own.header("Access-Control-Allow-Origin"), "a call from no browser gets none either");
    }

    private Reply preflight(String path, String origin, String method) {
        return api.call("OPTIONS", path).header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", String.join(", ", REQUESTED)).send();
    }

    private static Set<String> list(String header) {
        return header == null ? Set.of() : Arrays.stream(header.split(",")).map(String::trim).collect(Collectors.toSet());
    }
}
