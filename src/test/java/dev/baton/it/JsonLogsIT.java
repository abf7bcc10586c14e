package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A node with {@code baton.log.format=json}: every line of its log is one JSON object, the lines of
 * a request carry its id, a refused token is one line without a stack trace, a 500's stack trace is
 * one field of its line, and no token, code or session information shows.
 */
class JsonLogsIT {

    private static BatonServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new BatonServer("json-logs", Map.of(
                "MP_JWT_VERIFY_PUBLICKEY", SharedBaton.issuer().publicKey(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER,
                "BATON_TEST_FAULTS", "true",
                "BATON_LOG_FORMAT", "json",
                // A database of its own each run: nothing left over from an earlier one to end at start-up.
                "BATON_DATA_DIR", Path.of("target", "it-data", "json-logs-" + UUID.randomUUID()).toAbsolutePath().toString()));
        Files.deleteIfExists(server.log());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void everyLineIsOneJsonObjectRequestLinesCarryTheirIdsAndNoSecretShows() throws IOException {
        Api api = new Api(server.base());
        Secrets secrets = Secrets.ofAFlow(new Clerk(api, SharedBaton.issuer()));
        String refusedId = "refused-" + UUID.randomUUID();
        assertEquals(401, api.get("devices").bearer("not-a-jwt").header("X-Request-Id", refusedId).send().status());
        String faultId = "fault-" + UUID.randomUUID();
        Reply fault = api.get("devices").bearer(secrets.clerk().jwt()).header("Baton-Test-Fault", "boom")
                .header("X-Request-Id", faultId).send();
        assertEquals(500, fault.status());
        String incident = "Incident " + fault.get("incidentId");

        List<JsonObject> lines = awaitMessage(incident);
        for (JsonObject line : lines) {
            for (String field : new String[] {"time", "level", "logger", "message"}) {
                assertEquals(JsonValue.ValueType.STRING, line.get(field).getValueType(), () -> field + " in " + line);
            }
            Instant.parse(line.getString("time"));
            assertTrue(line.containsKey("requestId"), line::toString);
        }
        List<JsonObject> refused = lines.stream().filter(l -> refusedId.equals(requestId(l))).toList();
        assertEquals(1, refused.size(), refused::toString);
        assertTrue(refused.get(0).getString("message").startsWith("Bearer token refused"), refused::toString);
        assertFalse(refused.get(0).containsKey("thrown"), refused::toString);
        JsonObject failure = lines.stream().filter(l -> l.getString("message").contains(incident)).findFirst().orElseThrow();
        assertEquals(faultId, requestId(failure));
        assertEquals("SEVERE", failure.getString("level"));
        assertTrue(failure.getString("thrown").contains("IllegalStateException") && failure.getString("thrown").contains("\tat "),
                failure::toString);

        String log = Files.readString(server.log());
        for (String secret : secrets.all()) {
            assertFalse(log.contains(secret), "log holds a secret");
        }
    }

    private static String requestId(JsonObject line) {
        return line.isNull("requestId") ? null : line.getString("requestId");
    }

    /** Every line of the log, each parsed as one JSON object, once one has a message containing {@code text}. */
    private static List<JsonObject> awaitMessage(String text) throws IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            List<JsonObject> lines = new ArrayList<>();
            String written = Files.readString(server.log());
            // A line being written as the file is read is not whole yet: it is read next time.
            List<String> raw = List.of(written.substring(0, written.lastIndexOf('\n') + 1).split("\n"));
            for (int i = 0; i < raw.size(); i++) {
                try (JsonReader reader = Json.createReader(new StringReader(raw.get(i)))) {
                    lines.add(reader.readObject());
                } catch (JsonException | IllegalStateException e) {
                    fail("line " + (i + 1) + " of " + server.log() + " is no JSON object: " + raw.get(i));
                }
            }
            if (lines.stream().anyMatch(l -> l.getString("message", "").contains(text))) {
                return lines;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no line with " + text + " in " + server.log());
            }
            BatonServer.sleep(Duration.ofMillis(200));
        }
    }
}
