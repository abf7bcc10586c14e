package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator watches: health, the metrics after real traffic, and the dashboard drawn from them. */
@ExtendWith(SharedBaton.class)
class OperationsIT {

    private static final Path DASHBOARD = Path.of("docker", "grafana", "dashboards", "baton.json");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset");

    private final Clerk clerk = Clerk.fresh();
    private final Api api = clerk.api;

    @Test
    void healthIsLiveReadyWithItsChecksAndStarted() {
        assertEquals("UP", health("live").getString("status"));
        JsonObject ready = health("ready");
        assertEquals("UP", ready.getString("status"), ready::toString);
        Map<String, JsonObject> checks = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
        assertEquals(Set.of("database", "data-grid", "migrations"), checks.keySet(), ready::toString);
        checks.values().forEach(check -> assertEquals("UP", check.getString("status"), check::toString));
        assertEquals("1", checks.get("data-grid").getJsonObject("data").getString("members"), ready::toString);
        JsonObject migrations = checks.get("migrations").getJsonObject("data");
        assertEquals(migrations.getString("expected"), migrations.getString("applied"), ready::toString);
        assertTrue(Integer.parseInt(migrations.getString("applied")) >= 4, ready::toString);
        JsonObject started = health("started");
        assertEquals("UP", started.getString("status"), started::toString);
        assertTrue(started.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("name").equals("deployment") && c.getString("status").equals("UP")), started::toString);
    }

    @Test
    void metricsCountTheFlowItsRefusalsAndTimeEachOperation() throws InterruptedException {
        Metrics before = Metrics.of(api);
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        clerk.move(session, desktop, phone);
        assertEquals("access-prohibited", clerk.readSessionReply(desktop, session).code());
        Clerk.Held other = clerk.open(phone);
        JsonObject declined = clerk.offer(phone, other, desktop);
        assertEquals(204, api.post("transfers/" + declined.getString("id") + "/decline").bearer(clerk.jwt())
                .device(desktop.token()).send().status());
        JsonObject wrong = clerk.offer(phone, other, desktop);
        assertEquals("claim-code-invalid", clerk.claimReply(desktop, wrong.getString("id"), "WRONGCODE").code());
        assertEquals("unauthenticated", api.get("devices").bearer("not-a-jwt").send().code());
        assertEquals("not-found", api.get("/no/such/page").send().code());
        Metrics after = Metrics.of(api);

        for (String outcome : List.of("requested", "claimed", "restored", "declined")) {
            assertTrue(increase(before, after, "baton_transfers_total", "outcome", outcome) >= 1, outcome);
        }
        assertTrue(increase(before, after, "baton_problems_total", "code", "access-prohibited") >= 1);
        assertTrue(increase(before, after, "baton_problems_total", "code", "claim-code-invalid") >= 1);
        assertTrue(increase(before, after, "baton_problems_total", "code", "unauthenticated") >= 1);
        assertTrue(increase(before, after, "baton_problems_total", "code", "not-found") >= 1);
        assertTrue(increase(before, after, "baton_claim_failures_total", "code", "claim-code-invalid") >= 1);
        assertTrue(increase(before, after, "baton_requests_seconds_count", "operation", "transfers.claim") >= 2);
        assertTrue(increase(before, after, "baton_requests_seconds_count", "operation", "sessions.restore") >= 1);
        assertTrue(after.value("baton_requests_seconds_sum", "operation", "transfers.claim") > 0);
        assertTrue(prohibitionsActive() >= 1, "the desktop is kept out");
        assertEquals(1, after.value("baton_grid_members"));
        assertTrue(after.value("baton_db_connections_in_use") >= 0, "a number, not NaN");
        assertTrue(after.has("baton_rate_limited_total") && after.has("baton_proof_refusals_total"));
        for (Metrics.Sample sample : after.samples()) {
            if (sample.name().startsWith("baton_")) {
                for (String value : sample.labels().values()) {
                    assertFalse(value.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*") || value.contains(clerk.user) || value.contains("/"),
                            () -> "an id, a user or a path as a label: " + sample);
                }
            }
        }
    }

    /** The gauge is read from the database at most once a second: up to 3 s for the new prohibition to show. */
    private double prohibitionsActive() throws InterruptedException {
        double active = Metrics.of(api).value("baton_prohibitions_active");
        for (int i = 0; i < 30 && active < 1; i++) {
            Thread.sleep(100);
            active = Metrics.of(api).value("baton_prohibitions_active");
        }
        return active;
    }

    @Test
    void anOpenEventStreamIsCounted() throws Exception {
        Clerk.Device desktop = clerk.register("desktop");
        double before = Metrics.of(api).value("baton_event_streams_open");
        try (DeviceEvents events = DeviceEvents.listen(clerk, desktop)) {
            assertEquals(200, events.answer().statusCode());
            assertEquals(before + 1, Metrics.of(api).value("baton_event_streams_open"));
        }
    }

    /** Each query of the Grafana dashboard names only metrics Baton's /metrics exports (after some traffic). */
    @Test
    void theDashboardAsksOnlyForMetricsBatonExports() throws IOException {
        Clerk.Device desktop = clerk.register("desktop");
        clerk.move(clerk.open(desktop), desktop, clerk.register("phone"));
        Set<String> exported = Metrics.of(api).names();
        List<String> queries = queries(DASHBOARD);
        assertTrue(queries.size() >= 8, queries::toString);
        Set<String> asked = new TreeSet<>();
        for (String query : queries) {
            Set<String> names = metricNames(query);
            assertFalse(names.isEmpty(), query);
            asked.addAll(names);
        }
        Set<String> missing = new TreeSet<>(asked);
        missing.removeAll(exported);
        assertTrue(missing.isEmpty(), () -> "the dashboard asks for " + missing + ", /metrics has " + exported);
    }

    private JsonObject health(String which) {
        Reply reply = api.get("/health/" + which).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static double increase(Metrics before, Metrics after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    /** Every {@code expr} of the dashboard's panels. */
    static List<String> queries(Path dashboard) throws IOException {
        List<String> queries = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(dashboard)))) {
            for (JsonValue panel : reader.readObject().getJsonArray("panels")) {
                for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
                    queries.add(target.asJsonObject().getString("expr"));
                }
            }
        }
        return queries;
    }

    /**
     * The metric names a PromQL query selects: what is left once strings, label matchers, ranges and
     * grouping clauses are gone, that is not a function (followed by "("), a keyword or a number.
     */
    static Set<String> metricNames(String query) {
        String bare = query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher word = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(bare);
        while (word.find()) {
            if (word.group(1) == null && !PROMQL_WORDS.contains(word.group().trim())) {
                names.add(word.group().trim());
            }
        }
        return names;
    }
}
