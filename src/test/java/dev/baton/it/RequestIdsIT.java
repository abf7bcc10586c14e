package dev.baton.it;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code X-Request-Id}: the caller's when sane, else a new one; on every answer; on every log line
 * of its request (the shared server logs text: the id in brackets after the logger).
 */
@ExtendWith(SharedBaton.class)
class RequestIdsIT {

    /** How each event's line starts (BatonLogFormatter's text): a stack trace's lines do not. */
    private static final Pattern EVENT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\S+ [A-Z]+ \\[");

    private final Clerk clerk = Clerk.fresh();
    private final Api api = clerk.api;

    @Test
    void aSaneRequestIdIsEchoedOnEveryAnswer() {
        List<Api.Call> calls = List.of(api.get("/"), api.get("devices").bearer(clerk.jwt()), api.get("devices"),
                api.get("devices").bearer("not-a-jwt"), api.get("/no/such/page"), api.post("devices").bearer(clerk.jwt()).json("{"),
                api.get("/health/ready"), api.get("/metrics"), api.call("OPTIONS", "devices").header("Origin", SharedBaton.PORTAL)
                        .header("Access-Control-Request-Method", "POST"));
        for (Api.Call call : calls) {
            String id = "it-" + UUID.randomUUID() + ".A_z";
            Reply reply = call.header("X-Request-Id", id).send();
            assertEquals(id, reply.header("X-Request-Id"), () -> call.request() + " -> " + reply);
        }
        Reply refused = api.get("devices").header("X-Request-Id", "abc").send();
        assertEquals("unauthenticated", refused.code());
        assertEquals("abc", refused.header("X-Request-Id"));
    }

    @Test
    void anInsaneOrMissingRequestIdIsReplacedByANewOne() {
        for (String offered : new String[] {null, "", "two words", "x".repeat(65), "ümlaut", "id;drop", "{\"json\":1}", "a/b"}) {
            Reply reply = api.get("devices").bearer(clerk.jwt()).header("X-Request-Id", offered).send();
            String id = reply.header("X-Request-Id");
            assertNotEquals(offered, id);
            UUID.fromString(id);
        }
        assertEquals("x".repeat(64), api.get("/").header("X-Request-Id", "x".repeat(64)).send().header("X-Request-Id"));
        assertNotEquals(api.get("/").send().header("X-Request-Id"), api.get("/").send().header("X-Request-Id"));
    }

    /** Each refused token is one line naming its request, never a stack trace; a 500's lines name theirs. */
    @Test
    void everyLogLineOfARequestCarriesItsIdAndARefusedTokenIsOneLine() throws IOException {
        TestIssuer issuer = SharedBaton.issuer();
        long now = Instant.now().getEpochSecond();
        List<String> refused = List.of("not-a-jwt", TestIssuer.foreignToken(clerk.user), issuer.unsigned(clerk.user),
                issuer.token(clerk.user, c -> c.add("exp", now - 120).add("iat", now - 3600), "baton-user"));
        List<String> ids = refused.stream().map(t -> "refused-" + UUID.randomUUID()).toList();
        for (int i = 0; i < refused.size(); i++) {
            assertEquals(401, api.get("devices").bearer(refused.get(i)).header("X-Request-Id", ids.get(i)).send().status());
        }
        String faultId = "fault-" + UUID.randomUUID();
        Reply fault = api.get("devices").bearer(clerk.jwt()).header("Baton-Test-Fault", "boom").header("X-Request-Id", faultId).send();
        assertEquals(500, fault.status());

        List<String> log = awaitLine("Incident " + fault.get("incidentId"));
        for (String id : ids) {
            List<Integer> at = linesWith(log, "[" + id + "]");
            assertEquals(1, at.size(), () -> id + " on " + at.size() + " lines");
            String line = log.get(at.get(0));
            assertTrue(line.contains("Bearer token refused"), line);
            String next = at.get(0) + 1 < log.size() ? log.get(at.get(0) + 1) : "";
            assertTrue(next.isEmpty() || EVENT.matcher(next).lookingAt(), () -> "no new event after " + line + ", but:\n" + next);
        }
        List<Integer> incident = linesWith(log, "[" + faultId + "]");
        assertTrue(incident.stream().anyMatch(i -> log.get(i).contains("Incident " + fault.get("incidentId"))), log::toString);
    }

    private static List<Integer> linesWith(List<String> log, String text) {
        return java.util.stream.IntStream.range(0, log.size()).filter(i -> log.get(i).contains(text)).boxed().toList();
    }

    /** The shared server's log once a line contains {@code text} (within 10 s: the log is written as it goes). */
    static List<String> awaitLine(String text) throws IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        List<String> lines;
        do {
            lines = Files.readAllLines(SharedBaton.server().log());
            if (lines.stream().anyMatch(l -> l.contains(text))) {
                return lines;
            }
            BatonServer.sleep(Duration.ofMillis(200));
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no line with " + text + " in " + SharedBaton.server().log());
    }
}
