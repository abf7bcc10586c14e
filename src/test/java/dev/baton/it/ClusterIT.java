package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Baton nodes in one data grid with a PostgreSQL of their own ({@link TestPostgres}), brought
 * up by {@code docker/loopback.sh}: any node serves any step, the grid carries events, timers and rate
 * limits, and nothing acknowledged is lost when a node is killed, the whole cluster restarts or
 * PostgreSQL restarts. The scenarios run in order on the same cluster; the figures they print go
 * into the issue's note.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration PROHIBITION = Duration.ofSeconds(5);
    /** Long enough for the whole cluster to stop and start again inside it. */
    private static final Duration LONG_PROHIBITION = Duration.ofSeconds(150);
    private static final int CLAIM_RATE = 40;
    private static final TestIssuer ISSUER = SharedBaton.issuer();

    private static LoopbackCluster cluster;
    private static Api a;
    private static Api b;

    @BeforeAll
    static void up(TestReporter reporter) {
        cluster = new LoopbackCluster("cluster", 2, Map.of(
                "MP_JWT_VERIFY_PUBLICKEY", ISSUER.publicKey(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER,
                "BATON_TRANSFER_TTL", "PT30S",
                "BATON_PROHIBITION_PERIOD", PROHIBITION.toString(),
                "BATON_RATE_LIMIT_CLAIM", CLAIM_RATE + "/PT1M",
                "BATON_PROOF_TRUST_FORWARDED", "true",
                // The test calls the nodes as their load balancer would (X-Forwarded-Host).
                "BATON_TRUSTED_PROXIES", "127.0.0.1/32"));
        Instant begin = Instant.now();
        cluster.up();
        reporter.publishEntry("figures", "two nodes and PostgreSQL ready after " + Duration.between(begin, Instant.now()).toSeconds() + " s");
        a = cluster.api(1);
        b = cluster.api(2);
    }

    @AfterAll
    static void down() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void stepsOnDifferentNodesMakeOneFlowWithEventsAndOneProhibition() {
        Clerk onA = new Clerk(a, ISSUER);
        Clerk onB = onA.at(b);
        Clerk.Device desktop = onA.register("desktop");
        Clerk.Device phone = onB.register("phone");
        Clerk.Held session = onA.open(desktop);
        try (DeviceEvents desktopEvents = DeviceEvents.listen(onA, desktop);
             DeviceEvents phoneEvents = DeviceEvents.listen(onB, phone)) {
            JsonObject transfer = onA.offer(desktop, session, phone);
            phoneEvents.await("transfer-offered", Duration.ofSeconds(10));

            Reply claim = onB.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode"));
            assertEquals(200, claim.status(), claim::toString);
            desktopEvents.await("transfer-claimed", Duration.ofSeconds(10));

            Reply restore = onA.restoreReply(phone, session.id(), claim.get("restoreToken"), claim.json().getJsonObject("sessionInfo"));
            assertEquals(200, restore.status(), restore::toString);
            for (Clerk node : List.of(onA, onB)) {
                Reply kept = node.readSessionReply(desktop, session);
                assertEquals("access-prohibited", kept.code(), "on " + node.api.uri(""));
            }
            Clerk.Held moved = new Clerk.Held(session.id(), restore.get("sessionToken"));
            assertEquals(200, onB.readSessionReply(phone, moved).status());

            Instant until = Instant.parse(restore.get("prohibitedUntil"));
            desktopEvents.await("prohibition-ended", PROHIBITION.plusSeconds(10));
            assertEndedOnceOnTime(onA, session, until);
        }
    }

    /**
     * Prohibitions stored without any announcement over the grid — as when the node that stored one
     * dies before its message leaves — still end on time: every node arms them from the database
     * ahead of their end. Their ends are 2.5 s apart, so the 5 s sweep alone cannot end both within
     * the 2 s this allows.
     */
    @Test
    @Order(2)
    void prohibitionsNoNodeWasToldOfEndOnTimeFromTheDatabase() throws Exception {
        Clerk onA = new Clerk(a, ISSUER);
        Clerk.TwoDevices two = onA.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        Instant moved = Instant.parse(onA.move(session, desktop, phone).getString("prohibitedUntil"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Instant> untils = List.of(now.plusSeconds(8), now.plusMillis(10_500));
        try (Connection db = cluster.connect();
             var insert = db.prepareStatement("insert into prohibition (id, owner_id, session_id, device_id, transfer_id, starts_at, "
                     + "until_at, row_version) select ?, owner_id, session_id, device_id, transfer_id, starts_at, ?, 0 "
                     + "from prohibition where session_id = ? limit 1")) {
            for (Instant until : untils) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setObject(2, until.atOffset(ZoneOffset.UTC));
                insert.setString(3, session.id());
                assertEquals(1, insert.executeUpdate());
            }
        }
        BatonServer.sleep(Duration.between(Instant.now(), untils.get(1)).plusSeconds(3));
        JsonObject ended = Audit.of(onA).page("action=PROHIBITION_ENDED&session=" + session.id());
        List<Instant> ats = ended.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> Instant.parse(item.getString("at"))).sorted().toList();
        assertEquals(3, ats.size(), ended::toString);
        List<Instant> dues = List.of(moved, untils.get(0), untils.get(1));
        for (int i = 0; i < 3; i++) {
            Instant at = ats.get(i);
            Instant due = dues.get(i);
            assertTrue(!at.isBefore(due) && at.isBefore(due.plusSeconds(2)), "ended at " + at + ", due " + due);
        }
    }

    @Test
    @Order(3)
    void concurrentClaimsOnBothNodesHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 3; round++) {
            Clerk onA = new Clerk(a, ISSUER);
            Clerk onB = onA.at(b);
            Clerk.TwoDevices two = onA.twoDevices();
            Clerk.Device phone = two.phone();
            JsonObject transfer = onA.offer(two.desktop(), two.session(), phone);
            List<Integer> statuses = Race.of(i -> (i % 2 == 0 ? onA : onB).claimReply(phone, transfer.getString("id"), transfer.getString("claimCode")))
                    .stream().map(Reply::status).toList();
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 410), statuses::toString);
        }
    }

    @Test
    @Order(4)
    void claimRateLimitCountsCallsOnEveryNode() {
        BatonServer.awayFromAMinuteBoundary(Duration.ofSeconds(10));
        Clerk onA = new Clerk(a, ISSUER);
        Clerk onB = onA.at(b);
        Clerk.Device phone = onA.register("phone");
        for (int i = 0; i < CLAIM_RATE; i++) {
            Reply attempt = (i % 2 == 0 ? onA : onB).claimReply(phone, UUID.randomUUID().toString(), "ABCDEFGH");
            assertEquals(404, attempt.status(), "attempt " + (i + 1) + ": " + attempt);
        }
        for (Clerk node : List.of(onA, onB)) {
            Reply limited = node.claimReply(phone, UUID.randomUUID().toString(), "ABCDEFGH");
            assertEquals("rate-limited", limited.code());
            assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        }
    }

    @Test
    @Order(5)
    void aDeviceProofUsedOnOneNodeIsRefusedOnTheOther() {
        Clerk onA = new Clerk(a, ISSUER);
        Clerk onB = onA.at(b);
        ProofKey key = ProofKey.ec();
        Reply registered = onA.registerReply("phone", key.jwk());
        assertEquals(201, registered.status(), registered::toString);
        String token = registered.get("deviceToken");
        JsonObject body = Json.createObjectBuilder().add("application", "portal").add("state", Json.createObjectBuilder()).build();
        // One URL for both nodes, as behind a load balancer (X-Forwarded-Host): node 1's address.
        String balancer = a.uri("").getAuthority();
        String proof = key.proof("POST", a.uri("sessions"));
        assertEquals(201, onA.api.post("sessions").bearer(onA.jwt()).device(token).header("DPoP", proof).json(body).send().status());
        Reply replayed = onB.api.post("sessions").bearer(onB.jwt()).device(token).header("DPoP", proof)
                .header("X-Forwarded-Host", balancer).json(body).send();
        assertEquals("proof-invalid", replayed.code(), "replayed on node 2");
        assertTrue(replayed.get("detail").contains("used before"), replayed::toString);
        Reply fresh = onB.api.post("sessions").bearer(onB.jwt()).device(token).header("DPoP", key.proof("POST", a.uri("sessions")))
                .header("X-Forwarded-Host", balancer).json(body).send();
        assertEquals(201, fresh.status(), "a fresh proof for the balancer's URL passes on node 2: " + fresh);
    }

    @Test
    @Order(6)
    void callsAnswer503WhilePostgresIsDownAndSucceedAfterwardsWithoutARestart(TestReporter reporter) throws Exception {
        Clerk onA = new Clerk(a, ISSUER);
        Clerk onB = onA.at(b);
        Clerk.Device desktop = onA.register("desktop");
        Clerk.Held session = onA.open(desktop);
        List<Reply> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Clerk node = w % 2 == 0 ? onA : onB;
            workers.add(load.submit(() -> {
                for (int i = 0; running.get() && i < 10_000; i++) {
                    answers.add(node.readSessionReply(desktop, session));
                    BatonServer.sleep(Duration.ofMillis(50));
                }
            }));
        }
        boolean databaseDown = false;
        try {
            BatonServer.sleep(Duration.ofSeconds(2));
            cluster.database().stop();
            databaseDown = true;
            Instant stopped = Instant.now();
            BatonServer.sleep(Duration.ofSeconds(4));
            for (Api node : List.of(a, b)) {
                assertEquals(503, node.get("/health/ready").send().status(), "readiness of " + node.uri(""));
            }
            Reply down = onA.readSessionReply(desktop, session);
            assertEquals(503, down.status(), down::toString);
            assertEquals("unavailable", down.code());
            assertTrue(Integer.parseInt(down.header("Retry-After")) >= 1);

            cluster.database().start();
            databaseDown = false;
            Instant started = Instant.now();
            for (Api node : List.of(a, b)) {
                Duration ready = awaitReady(node, Duration.ofSeconds(60));
                reporter.publishEntry("figures", "PostgreSQL down " + Duration.between(stopped, started).toMillis() + " ms; "
                        + node.uri("") + " ready " + ready.toMillis() + " ms after PostgreSQL was back");
            }
            BatonServer.sleep(Duration.ofSeconds(1));
        } finally {
            running.set(false);
            if (databaseDown) {
                cluster.database().start();
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            load.shutdownNow();
        }
        assertEquals(200, onA.readSessionReply(desktop, session).status());
        assertEquals(200, onB.readSessionReply(desktop, session).status());
        long unavailable = answers.stream().filter(r -> r.status() == 503).count();
        reporter.publishEntry("figures", "under load: " + answers.size() + " calls, " + unavailable + " answered 503");
        for (Reply answer : answers) {
            assertTrue(answer.status() == 200 || answer.status() == 503 && "unavailable".equals(answer.code()), answer::toString);
        }
        assertTrue(unavailable > 0, "no call saw the database down");
        assertEquals(200, answers.get(answers.size() - 1).status(), "the last call succeeded");
    }

    @Test
    @Order(7)
    void killingANodeUnderAStreamOfTransfersLosesNothingAcknowledged(TestReporter reporter) throws Exception {
        Clerk armedOnB = new Clerk(b, ISSUER);
        Clerk.TwoDevices armed = armedOnB.twoDevices();
        Clerk.Device armedDesktop = armed.desktop();
        Clerk.Device armedPhone = armed.phone();
        Clerk.Held armedSession = armed.session();

        Ledger ledger = new Ledger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Clerk clerk = new Clerk(a, ISSUER);
            Clerk.Device desktop = clerk.register("desktop");
            Clerk.Device phone = clerk.register("phone");
            workers.add(load.submit(() -> {
                for (int i = 0; running.get() && i < 1_000; i++) {
                    ledger.moveOnce(clerk, desktop, phone);
                }
            }));
        }
        Instant until;
        try {
            BatonServer.sleep(Duration.ofSeconds(4));
            until = Instant.parse(armedOnB.move(armedSession, armedDesktop, armedPhone).getString("prohibitedUntil"));
            cluster.kill(2);
            int beforeKill = ledger.restored.size();
            BatonServer.sleep(Duration.ofSeconds(5));
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            reporter.publishEntry("figures", "kill -9 of node 2 under load: " + ledger.summary() + "; restores acknowledged before the kill "
                    + beforeKill + ", after it " + (ledger.restored.size() - beforeKill));
            assertTrue(ledger.restored.size() > beforeKill, "node 1 kept serving after node 2 died");
        } finally {
            running.set(false);
            load.shutdownNow();
        }

        Clerk onA = armedOnB.at(a);
        BatonServer.sleep(Duration.between(Instant.now(), until).plusSeconds(3));
        assertEndedOnceOnTime(onA, armedSession, until);

        try (Connection db = cluster.connect()) {
            ledger.assertAllFoundOn(a, db, reporter);
            assertEquals(0, count(db, "select count(*) from transfer t join baton_session s on s.id = t.session_id "
                    + "where t.status = 'COMPLETED' and s.holder_device_id <> t.target_device_id"), "a moved session held by its target");
            assertEquals(0, count(db, "select count(*) from (select session_id from transfer where status = 'COMPLETED' "
                    + "group by session_id having count(*) > 1) twice"), "no session moved twice");
        }
        cluster.start(2, Map.of("BATON_PROHIBITION_PERIOD", LONG_PROHIBITION.toString()));
    }

    @Test
    @Order(8)
    void aProhibitionHoldsAcrossAWholeClusterRestartAndEndsOnTimeOnce(TestReporter reporter) {
        Clerk onB = new Clerk(b, ISSUER);
        Clerk.TwoDevices two = onB.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        Instant until = Instant.parse(onB.move(session, desktop, phone).getString("prohibitedUntil"));
        assertTrue(Duration.between(Instant.now(), until).compareTo(Duration.ofMinutes(2)) > 0, "node 2 runs with the long window");

        Instant begin = Instant.now();
        cluster.stopAll();
        cluster.up();
        reporter.publishEntry("figures", "whole cluster stopped and started again in " + Duration.between(begin, Instant.now()).toSeconds() + " s");
        assertTrue(Instant.now().isBefore(until), "the restart took longer than the window; raise LONG_PROHIBITION");
        for (Clerk node : List.of(onB, onB.at(a))) {
            assertEquals("access-prohibited", node.readSessionReply(desktop, session).code());
        }
        BatonServer.sleep(Duration.between(Instant.now(), until).plusSeconds(3));
        assertEndedOnceOnTime(onB, session, until);

        String auditor = ISSUER.token("auditor", "baton-auditor");
        JsonObject chain = a.get("audit/verify").bearer(auditor).send().json();
        reporter.publishEntry("figures", "audit chain after all scenarios: " + chain);
        assertTrue(chain.getBoolean("valid"), "records appended by both nodes, under load and through a kill -9, form one chain: " + chain);
    }

    /** One move per call, each step on a node picked at random; acknowledged steps go into the ledger. */
    private static final class Ledger {
        final Map<String, String> opened = new ConcurrentHashMap<>();
        final Map<String, String> requested = new ConcurrentHashMap<>();
        final Map<String, Clerk.Held> restored = new ConcurrentHashMap<>();
        final Map<String, Clerk.Device[]> devices = new ConcurrentHashMap<>();
        final Map<String, Clerk> clerks = new ConcurrentHashMap<>();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        void moveOnce(Clerk home, Clerk.Device desktop, Clerk.Device phone) {
            try {
                Reply open = random(home).openReply(desktop, "portal", Json.createObjectBuilder().add("n", 1).build());
                if (!acknowledged(open, 201)) {
                    return;
                }
                Clerk.Held session = new Clerk.Held(open.get("id"), open.get("sessionToken"));
                opened.put(session.id(), session.token());
                devices.put(session.id(), new Clerk.Device[] {desktop, phone});
                clerks.put(session.id(), home);
                Reply transfer = random(home).offerReply(desktop, session, phone.id(), Clerk.info());
                if (!acknowledged(transfer, 201)) {
                    return;
                }
                requested.put(transfer.get("id"), session.id());
                Reply claim = random(home).claimReply(phone, transfer.get("id"), transfer.get("claimCode"));
                if (!acknowledged(claim, 200)) {
                    return;
                }
                Reply restore = random(home).restoreReply(phone, session.id(), claim.get("restoreToken"), claim.json().getJsonObject("sessionInfo"));
                if (acknowledged(restore, 200)) {
                    restored.put(session.id(), new Clerk.Held(session.id(), restore.get("sessionToken")));
                }
            } catch (UncheckedIOException nodeGone) {
                // not acknowledged: the node died under the call
            }
        }

        private static Clerk random(Clerk home) {
            return ThreadLocalRandom.current().nextBoolean() ? home.at(a) : home.at(b);
        }

        private boolean acknowledged(Reply reply, int expected) {
            if (reply.status() == expected) {
                return true;
            }
            failures.add(reply.status() + " " + reply.text());
            return false;
        }

        String summary() {
            return "acknowledged " + opened.size() + " opens, " + requested.size() + " transfer requests, " + restored.size()
                    + " restores; refused " + failures.size();
        }

        /**
         * Every acknowledged step is there, read back on the surviving node. A restore whose answer
         * was lost with the node may have committed: then the session is the phone's, not the desktop's.
         */
        void assertAllFoundOn(Api survivor, Connection db, TestReporter reporter) throws SQLException {
            assertTrue(failures.stream().noneMatch(f -> f.startsWith("5")), () -> "5xx answers: " + failures);
            int found = 0;
            int movedUnacknowledged = 0;
            for (var open : opened.entrySet()) {
                Clerk clerk = clerks.get(open.getKey()).at(survivor);
                Clerk.Device[] pair = devices.get(open.getKey());
                Clerk.Held moved = restored.get(open.getKey());
                if (moved != null) {
                    Reply holder = clerk.readSessionReply(pair[1], moved);
                    assertEquals(200, holder.status(), holder::toString);
                    assertEquals(pair[1].id(), holder.get("holderDeviceId"));
                    assertFalse(clerk.readSessionReply(pair[0], new Clerk.Held(open.getKey(), open.getValue())).status() == 200,
                            "the desktop's old token is dead after the restore");
                } else if (clerk.readSessionReply(pair[0], new Clerk.Held(open.getKey(), open.getValue())).status() != 200) {
                    assertEquals(pair[1].id(), holder(db, open.getKey()), "not the desktop's any more, so the phone's");
                    movedUnacknowledged++;
                }
                found++;
            }
            for (var transfer : requested.entrySet()) {
                Clerk clerk = clerks.get(transfer.getValue()).at(survivor);
                Reply read = clerk.api.get("transfers/" + transfer.getKey()).bearer(clerk.jwt())
                        .device(devices.get(transfer.getValue())[1].token()).send();
                assertEquals(200, read.status(), read::toString);
                found++;
            }
            reporter.publishEntry("figures", "found after the kill: " + found + " of " + (opened.size() + requested.size())
                    + " acknowledged sessions and transfers; " + restored.size() + " restored sessions held by their phone; "
                    + movedUnacknowledged + " restores committed whose answer was lost with the node");
        }
    }

    private static void assertEndedOnceOnTime(Clerk clerk, Clerk.Held session, Instant until) {
        JsonObject ended = Audit.of(clerk).page("action=PROHIBITION_ENDED&session=" + session.id());
        assertEquals(1, ended.getInt("total"), ended::toString);
        Instant at = Instant.parse(ended.getJsonArray("items").getJsonObject(0).getString("at"));
        assertTrue(!at.isBefore(until) && at.isBefore(until.plusSeconds(2)), "ended at " + at + ", due " + until);
    }

    private static Duration awaitReady(Api node, Duration limit) {
        Instant begin = Instant.now();
        while (Duration.between(begin, Instant.now()).compareTo(limit) < 0) {
            try {
                if (node.get("/health/ready").send().status() == 200) {
                    return Duration.between(begin, Instant.now());
                }
            } catch (UncheckedIOException notYet) {
                // keep asking
            }
            BatonServer.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError(node.uri("") + " not ready within " + limit);
    }

    private static String holder(Connection db, String sessionId) throws SQLException {
        try (var query = db.prepareStatement("select holder_device_id from baton_session where id = ?")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
