package dev.baton.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security events out (DESIGN.md §8.7) to a webhook on 127.0.0.1 ({@link SetReceiver}), from a Baton
 * on a PostgreSQL database of the test's own: each event arrives as a SET signed with the secret;
 * every event arrives after the webhook was down, in order; every event arrives when the node is
 * killed while the webhook holds a delivery, the one sent twice with the same {@code jti}; and a
 * change whose event cannot be written does not happen. The figures go to the issue's note.
 */
class WebhookIT {

    private static final String SECRET = secret();
    private static final String ISSUER_URL = "https://baton.test/";
    private static final Duration PROHIBITION = Duration.ofSeconds(3);
    private static final int CLAIM_ATTEMPTS = 2;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    private static final String DATABASE = "baton_webhook_it_" + System.nanoTime();
    private static final TestIssuer ISSUER = SharedBaton.issuer();
    private static final TestPostgres POSTGRES = TestPostgres.shared();

    private static SetReceiver receiver;
    private static BatonServer server;
    private static Instant begin;

    @BeforeAll
    static void up() throws SQLException {
        begin = Instant.now().minusSeconds(1);
        POSTGRES.execute("postgres", "create database " + DATABASE);
        receiver = new SetReceiver().start();
        server = new BatonServer("webhook", Map.ofEntries(
                Map.entry("MP_JWT_VERIFY_PUBLICKEY", ISSUER.publicKey()),
                Map.entry("MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER),
                Map.entry("BATON_DB_URL", POSTGRES.jdbcUrl(DATABASE)),
                Map.entry("BATON_DB_USER", TestPostgres.USER),
                Map.entry("BATON_EVENTS_WEBHOOK_URL", receiver.url().toString()),
                Map.entry("BATON_EVENTS_WEBHOOK_SECRET", SECRET),
                Map.entry("BATON_EVENTS_ISSUER", ISSUER_URL),
                Map.entry("BATON_EVENTS_WEBHOOK_MAX_BACKOFF", MAX_BACKOFF.toString()),
                Map.entry("BATON_PROHIBITION_PERIOD", PROHIBITION.toString()),
                Map.entry("BATON_CLAIM_MAX_ATTEMPTS", Integer.toString(CLAIM_ATTEMPTS)),
                Map.entry("BATON_AUDIT_CHECKPOINT_INTERVAL", "PT5S")));
        server.start();
    }

    @AfterAll
    static void down(TestReporter reporter) throws SQLException {
        try {
            if (receiver != null) {
                figures(reporter, "all tests", receiver.deliveries());
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            if (receiver != null) {
                receiver.close();
            }
            POSTGRES.execute("postgres", "drop database if exists " + DATABASE);
        }
    }

    @Test
    void eachSecurityEventArrivesAsASetSignedWithTheSecretCarryingIdsButNoSecrets(TestReporter reporter) {
        Clerk clerk = clerk();
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        Clerk.Device laptop = clerk.register("laptop");
        Clerk.Held session = clerk.open(desktop);
        JsonObject restored = clerk.move(session, desktop, phone);
        Clerk.Held onPhone = new Clerk.Held(session.id(), restored.getString("sessionToken"));
        JsonObject declined = clerk.offer(phone, onPhone, laptop);
        Reply decline = clerk.api.post("transfers/" + declined.getString("id") + "/decline").bearer(clerk.jwt())
                .device(laptop.token()).send();
        assertEquals(204, decline.status(), decline::toString);
        JsonObject guessed = clerk.offer(phone, onPhone, laptop);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            assertEquals(403, clerk.claimReply(laptop, guessed.getString("id"), "00000000").status());
        }
        assertEquals(204, clerk.api.delete("devices/" + laptop.id()).bearer(clerk.jwt()).send().status());

        List<SetReceiver.Delivery> arrived = receiver.await(about(clerk), 5, Duration.ofSeconds(30));
        Map<String, SetReceiver.Delivery> byType = arrived.stream()
                .collect(Collectors.toMap(SetReceiver.Delivery::type, Function.identity()));
        assertEquals(Set.of("session-transferred", "prohibition-ended", "transfer-denied", "claim-attempts-exhausted",
                "device-revoked"), byType.keySet());
        arrived.forEach(set -> assertSignedSet(set, clerk.user));

        JsonObject transferred = byType.get("session-transferred").event();
        assertEquals(session.id(), transferred.getString("sessionId"));
        assertEquals(desktop.id(), transferred.getString("fromDeviceId"));
        assertEquals(phone.id(), transferred.getString("toDeviceId"));
        assertEquals(restored.getString("prohibitedUntil"), transferred.getString("prohibitedUntil"));
        JsonObject ended = byType.get("prohibition-ended").event();
        assertEquals(desktop.id(), ended.getString("deviceId"));
        assertEquals(transferred.getString("transferId"), ended.getString("transferId"));
        JsonObject denied = byType.get("transfer-denied").event();
        assertEquals(declined.getString("id"), denied.getString("transferId"));
        assertEquals(laptop.id(), denied.getString("deniedByDeviceId"));
        assertEquals("declined-by-target", denied.getString("reason"));
        JsonObject exhausted = byType.get("claim-attempts-exhausted").event();
        assertEquals(guessed.getString("id"), exhausted.getString("transferId"));
        assertEquals(CLAIM_ATTEMPTS, exhausted.getInt("attempts"));
        JsonObject revoked = byType.get("device-revoked").event();
        assertEquals(laptop.id(), revoked.getString("deviceId"));
        assertEquals("user", revoked.getString("initiator"));

        for (SetReceiver.Delivery set : arrived) {
            String payload = set.jws().getPayload().toString();
            for (String secret : List.of(desktop.token(), phone.token(), laptop.token(), session.token(), onPhone.token(),
                    declined.getString("claimCode"), guessed.getString("claimCode"), "loan-42", "/loans/42")) {
                assertFalse(payload.contains(secret), () -> set.type() + " carries a token, code or session state: " + payload);
            }
        }
        SetReceiver.Delivery sample = byType.get("session-transferred");
        reporter.publishEntry("sample SET", sample.jws().getHeader() + "\n" + sample.claims());
    }

    /** A checkpoint of the audit chain arrives too, and the chain verifies against it. */
    @Test
    void auditCheckpointsArriveAndTheChainVerifiesAgainstThem() {
        Clerk clerk = clerk();
        clerk.register("desktop"); // the chain moves, so a checkpoint is due
        Instant after = Instant.now();

        SetReceiver.Delivery checkpoint = receiver.await(set -> set.type().equals("audit-checkpoint")
                && Instant.parse(set.event().getString("at")).isAfter(after), 1, Duration.ofSeconds(30)).get(0);

        assertSignedSet(checkpoint, null);
        String auditor = ISSUER.token("auditor", "baton-auditor");
        Reply verified = clerk.api.post("audit/verify").bearer(auditor)
                .json(Json.createObjectBuilder().add("checkpoints", Json.createArrayBuilder().add(checkpoint.event())).build()).send();
        assertEquals(200, verified.status(), verified::toString);
        assertTrue(verified.json().getBoolean("valid"), verified::toString);
    }

    /**
     * The webhook answers 503 for 8 s, then refuses connections for 4 s: every event written
     * meanwhile arrives once it is back, in the order written, and the tries backed off.
     */
    @Test
    void everyEventArrivesInOrderAfterTheWebhookWasDown(TestReporter reporter) {
        Clerk clerk = clerk();
        int before = receiver.deliveries().size();
        receiver.answer(SetReceiver.Mode.UNAVAILABLE);
        Instant down = Instant.now();
        List<String> revoked = revokeDevices(clerk, 5);
        BatonServer.sleep(Duration.between(Instant.now(), down.plusSeconds(8)));
        long unavailable = receiver.since(before).stream().filter(set -> set.answered() == 503).count();
        receiver.stop();
        BatonServer.sleep(Duration.ofSeconds(4));
        receiver.answer(SetReceiver.Mode.ACCEPT);
        receiver.start();
        Instant up = Instant.now();

        List<SetReceiver.Delivery> arrived = receiver.await(about(clerk), revoked.size(), Duration.ofSeconds(30));
        Duration late = Duration.between(up, arrived.get(arrived.size() - 1).at());

        assertEquals(revoked, arrived.stream().map(set -> set.event().getString("deviceId")).toList(), "all, in order");
        arrived.forEach(set -> assertSignedSet(set, clerk.user));
        assertTrue(unavailable >= 2, "tried again while the webhook answered 503: " + unavailable);
        assertTrue(unavailable <= 7, "backed off rather than tried every second: " + unavailable + " tries in 8 s");
        reporter.publishEntry("figures", "webhook down 8 s (503) + 4 s (refused): " + revoked.size() + " events written meanwhile, "
                + unavailable + " tries answered 503, all arrived " + late.toMillis() + " ms after it was back, in order");
        figures(reporter, "webhook down", receiver.since(before));
    }

    /**
     * The node is killed while the webhook holds a delivery unanswered: after the restart (same
     * database) every event arrives, and the held one arrives again, the very same token.
     */
    @Test
    void everyEventArrivesWhenTheNodeIsKilledMidDeliveryAndTheOneSentTwiceIsTheSameToken(TestReporter reporter) throws Exception {
        Clerk clerk = clerk();
        int before = receiver.deliveries().size();
        receiver.answer(SetReceiver.Mode.HOLD);
        List<String> revoked;
        try {
            revoked = revokeDevices(clerk, 4);
            assertTrue(receiver.awaitHeld(Duration.ofSeconds(30)), "a delivery reached the webhook");
            server.kill();
        } finally {
            receiver.release();
        }
        SetReceiver.Delivery held = receiver.since(before).stream().filter(SetReceiver.Delivery::held).findFirst().orElseThrow();
        Duration restart = server.start();

        List<SetReceiver.Delivery> arrived = receiver.await(about(clerk), revoked.size(), Duration.ofSeconds(60));
        List<SetReceiver.Delivery> both = receiver.awaitDeliveries(set -> set.jti().equals(held.jti()), 2, Duration.ofSeconds(30));

        assertEquals(Set.copyOf(revoked), arrived.stream().map(set -> set.event().getString("deviceId")).collect(Collectors.toSet()));
        assertTrue(both.size() >= 2, "the held event was sent again after the restart: " + both.size());
        assertTrue(both.stream().allMatch(set -> set.token().equals(held.token())), "the same token, jti and all");
        awaitEmptyOutbox();
        Map<String, Long> perJti = receiver.since(before).stream()
                .filter(SetReceiver.Delivery::accepted).collect(Collectors.groupingBy(SetReceiver.Delivery::jti, Collectors.counting()));
        reporter.publishEntry("figures", "node killed while the webhook held event " + held.type() + " " + held.jti() + "; restarted in "
                + restart.toSeconds() + " s; " + revoked.size() + " events of the test all arrived; "
                + perJti.values().stream().filter(n -> n > 1).count() + " event(s) received twice, each the same token");
        figures(reporter, "node killed", receiver.since(before));
    }

    /** The outbox is written in the change's transaction: a revocation whose event cannot be stored is not made. */
    @Test
    void aRevocationWhoseEventCannotBeWrittenDoesNotHappen() throws SQLException {
        Clerk clerk = clerk();
        Clerk.Device phone = clerk.register("phone");
        POSTGRES.execute(DATABASE, "alter table security_event_outbox add constraint webhook_it_refuses check (claims not like '%" + phone.id() + "%')");
        Reply refused;
        try {
            refused = clerk.api.delete("devices/" + phone.id()).bearer(clerk.jwt()).send();
        } finally {
            POSTGRES.execute(DATABASE, "alter table security_event_outbox drop constraint webhook_it_refuses");
        }

        assertEquals(500, refused.status(), refused::toString);
        assertEquals("active", clerk.api.get("devices/" + phone.id()).bearer(clerk.jwt()).send().get("status"));
        String auditor = ISSUER.token("auditor", "baton-auditor");
        assertEquals(0, clerk.api.get("audit?action=DEVICE_REVOKED&device=" + phone.id()).bearer(auditor).send().json().getInt("total"));
        assertTrue(receiver.accepted(about(clerk)).isEmpty());

        assertEquals(204, clerk.api.delete("devices/" + phone.id()).bearer(clerk.jwt()).send().status());
        assertEquals(phone.id(), receiver.await(about(clerk), 1, Duration.ofSeconds(30)).get(0).event().getString("deviceId"));
    }

    /**
     * One event the webhook will not take does not hold back the others: refused with 400 it waits
     * on its own while the later ones arrive; failing with 503 at the head it holds them for five
     * rounds, then the next one is tried, taken, and it is set aside. Each arrives once taken.
     */
    @Test
    void anEventTheWebhookWillNotTakeWaitsOnItsOwnWhileTheOthersGoOn(TestReporter reporter) {
        Clerk clerk = clerk();
        List<String> refused = devices(clerk, 3);
        String poison = refused.get(1);
        receiver.refuse(set -> poison.equals(set.event().getString("deviceId", null)), 400);
        try {
            revoke(clerk, refused);
            List<SetReceiver.Delivery> others = receiver.await(about(clerk), 2, Duration.ofSeconds(20));
            assertEquals(List.of(refused.get(0), refused.get(2)), others.stream().map(set -> set.event().getString("deviceId")).toList(),
                    "the two others arrived, the refused one not");
        } finally {
            receiver.refuseNone();
        }
        assertEquals(3, receiver.await(about(clerk), 3, Duration.ofSeconds(20)).size(), "the refused one arrives once taken");

        Clerk other = clerk();
        List<String> failing = devices(other, 3);
        String stuck = failing.get(1);
        Instant start = Instant.now();
        receiver.refuse(set -> stuck.equals(set.event().getString("deviceId", null)), 503);
        try {
            revoke(other, failing);
            List<SetReceiver.Delivery> past = receiver.await(about(other), 2, Duration.ofSeconds(60));
            assertEquals(List.of(failing.get(0), failing.get(2)), past.stream().map(set -> set.event().getString("deviceId")).toList(),
                    "the one behind the failing one arrived");
            reporter.publishEntry("figures", "an event failing with 503 at the head held the next one back "
                    + Duration.between(start, past.get(1).at()).toSeconds() + " s (five rounds)");
        } finally {
            receiver.refuseNone();
        }
        assertEquals(3, receiver.await(about(other), 3, Duration.ofSeconds(30)).size(), "the failing one arrives once taken");
    }

    /** A webhook URL that is not http(s) stops the start: a SEVERE line says why, and Baton is not deployed. */
    @Test
    void aWebhookUrlThatIsNotHttpStopsTheStartWithASevereLine() throws Exception {
        BatonServer bad = new BatonServer("webhook-bad-url-" + System.nanoTime(), Map.of(
                "MP_JWT_VERIFY_PUBLICKEY", ISSUER.publicKey(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER,
                "BATON_EVENTS_WEBHOOK_URL", "ftp://siem.example/events",
                "BATON_EVENTS_WEBHOOK_SECRET", SECRET));
        String reason = "baton.events.webhook.url must be an http or https URL";
        try {
            bad.launch();
            Instant deadline = Instant.now().plusSeconds(240);
            while (!Files.exists(bad.log()) || !Files.readString(bad.log()).contains(reason)) {
                assertTrue(Instant.now().isBefore(deadline), "no SEVERE line naming the setting; see " + bad.log());
                BatonServer.sleep(Duration.ofMillis(500));
            }
            String log = Files.readString(bad.log());
            assertTrue(log.contains("SEVERE") && log.contains("Baton does not start"), log);
            assertFalse(log.contains(SECRET), "the secret is not logged");
            BatonServer.sleep(Duration.ofSeconds(5));
            int status;
            try {
                status = new Api(bad.base()).get("/").send().status();
            } catch (java.io.UncheckedIOException exited) {
                status = 0;
            }
            assertTrue(status != 200, "Baton is not deployed: " + status);
        } finally {
            bad.kill();
        }
    }

    private static Clerk clerk() {
        return new Clerk(new Api(server.base()), ISSUER);
    }

    private static java.util.function.Predicate<SetReceiver.Delivery> about(Clerk clerk) {
        return set -> clerk.user.equals(set.subject());
    }

    /** Registers and revokes {@code count} devices, one after the other; answers their ids in that order. */
    private static List<String> revokeDevices(Clerk clerk, int count) {
        List<String> ids = devices(clerk, count);
        revoke(clerk, ids);
        return ids;
    }

    private static List<String> devices(Clerk clerk, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(clerk.register("phone").id());
        }
        return ids;
    }

    private static void revoke(Clerk clerk, List<String> ids) {
        for (String id : ids) {
            Reply revoked = clerk.api.delete("devices/" + id).bearer(clerk.jwt()).send();
            assertEquals(204, revoked.status(), revoked::toString);
        }
    }

    /** A SET as RFC 8417 and DESIGN.md §8.7 have it, signed with the secret, about {@code user} (none: no subject). */
    private static void assertSignedSet(SetReceiver.Delivery set, String user) {
        JWSObject jws = set.jws();
        assertEquals(JWSAlgorithm.HS256, jws.getHeader().getAlgorithm());
        assertEquals("secevent+jwt", jws.getHeader().getType().getType());
        try {
            assertTrue(jws.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))), "signed with the secret");
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
        assertEquals("application/secevent+jwt", set.contentType());
        assertEquals("application/json", set.accept());
        JsonObject claims = set.claims();
        assertEquals(ISSUER_URL, claims.getString("iss"));
        assertEquals(receiver.url().toString(), claims.getString("aud"));
        long iat = claims.getJsonNumber("iat").longValue();
        assertTrue(iat >= begin.getEpochSecond() && iat <= set.at().getEpochSecond() + 1, "iat " + iat + " received " + set.at());
        UUID.fromString(claims.getString("jti"));
        assertEquals(1, claims.getJsonObject("events").size());
        assertTrue(claims.getJsonObject("events").keySet().iterator().next().startsWith("https://baton.dev/events/"));
        if (user == null) {
            assertFalse(claims.containsKey("sub_id"));
        } else {
            assertEquals(Json.createObjectBuilder().add("format", "iss_sub").add("iss", TestIssuer.ISSUER).add("sub", user).build(),
                    claims.getJsonObject("sub_id"));
        }
    }

    private static void awaitEmptyOutbox() throws SQLException {
        Instant deadline = Instant.now().plusSeconds(20);
        long waiting;
        do {
            waiting = single("select count(*) from security_event_outbox where event_type <> 'audit-checkpoint'");
            if (waiting > 0) {
                BatonServer.sleep(Duration.ofMillis(250));
            }
        } while (waiting > 0 && Instant.now().isBefore(deadline));
        assertEquals(0, waiting, "every event left the outbox once delivered");
    }

    private static void figures(TestReporter reporter, String what, List<SetReceiver.Delivery> deliveries) {
        List<SetReceiver.Delivery> accepted = deliveries.stream().filter(SetReceiver.Delivery::accepted).toList();
        Map<String, Long> perJti = accepted.stream().collect(Collectors.groupingBy(SetReceiver.Delivery::jti, Collectors.counting()));
        reporter.publishEntry("figures", "" + what + ": " + deliveries.size() + " POSTs, " + perJti.size() + " distinct events accepted, "
                + (deliveries.size() - accepted.size()) + " answered 503, "
                + perJti.values().stream().filter(n -> n > 1).count() + " received more than once (same jti)");
    }

    private static long single(String sql) throws SQLException {
        try (Connection db = POSTGRES.connect(DATABASE);
             ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The webhook's secret, made for this run: 32 random bytes, base64url (43 bytes as the key). */
    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
