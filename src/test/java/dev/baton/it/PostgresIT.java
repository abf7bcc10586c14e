package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Baton on PostgreSQL (the test JVM's {@link TestPostgres}): the same migrations make the schema in
 * a database of the test's own, the whole flow runs on it, and the audit chain finds rows changed
 * in the database behind Baton's back.
 */
class PostgresIT {

    private static final TestPostgres POSTGRES = TestPostgres.shared();

    private final String database = "baton_it_" + System.nanoTime();
    private BatonServer server;

    @BeforeEach
    void createDatabase() throws SQLException {
        POSTGRES.execute("postgres", "create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (server != null) {
            server.stop();
        }
        POSTGRES.execute("postgres", "drop database if exists " + database);
    }

    @Test
    void theFlowRunsOnPostgresqlAndReadinessSaysSo() throws Exception {
        server = new BatonServer("postgres", Map.of(
                "MP_JWT_VERIFY_PUBLICKEY", SharedBaton.issuer().publicKey(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER,
                "BATON_DB_URL", POSTGRES.jdbcUrl(database),
                "BATON_DB_USER", TestPostgres.USER,
                "BATON_AUDIT_CHECKPOINT_INTERVAL", "PT1S"));
        server.start();
        Clerk clerk = new Clerk(new Api(server.base()), SharedBaton.issuer());
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        JsonObject restored = clerk.move(session, desktop, phone);

        assertEquals(phone.id(), restored.getString("holderDeviceId"));
        assertEquals("access-prohibited", clerk.readSessionReply(desktop, session).code());
        Reply ready = clerk.api.get("/health/ready").send();
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.get("status"));

        claimCodesAreStoredKeyed(clerk, phone, new Clerk.Held(session.id(), restored.getString("sessionToken")));
        auditRewrittenWithoutTheKeyIsFound(clerk);
        auditRewrittenWithTheKeyIsFoundByACheckpoint(clerk);
        auditTamperingIsFound(clerk);
    }

    /**
     * A chain written by Baton before audit keys (plain SHA-256, no seals) is sealed under the key
     * at the next start when it is intact; a tampered one is left unsealed, named by verify.
     */
    @Test
    void aChainWrittenBeforeAuditKeysIsSealedAtTheNextStartUnlessItWasTamperedWith() throws Exception {
        server = new BatonServer("postgres-upgrade", Map.of(
                "MP_JWT_VERIFY_PUBLICKEY", SharedBaton.issuer().publicKey(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER,
                "BATON_DB_URL", POSTGRES.jdbcUrl(database),
                "BATON_DB_USER", TestPostgres.USER));
        server.start();
        Clerk clerk = new Clerk(new Api(server.base()), SharedBaton.issuer());
        clerk.open(clerk.register("desktop"));
        String auditor = SharedBaton.issuer().token("auditor", "baton-auditor");
        long records = clerk.api.get("audit/verify").bearer(auditor).send().json().getInt("checked");
        assertTrue(records >= 2, "registration and opening are chained");

        server.stop();
        try (Connection db = POSTGRES.connect(database)) {
            AuditForger.unkeyAll(db);
        }
        server.start();
        JsonObject sealed = clerk.api.get("audit/verify").bearer(auditor).send().json();
        assertEquals(true, sealed.getBoolean("valid"), sealed::toString);
        assertEquals(records, sealed.getInt("checked"));
        assertEquals(0, single("select count(*) from audit_record where key_id is null or mac is null"));

        server.stop();
        try (Connection db = POSTGRES.connect(database)) {
            AuditForger.unkeyAll(db);
        }
        POSTGRES.execute(database, "update audit_record set reason = 'never happened' where seq = 1");
        server.start();
        JsonObject broken = clerk.api.get("audit/verify").bearer(auditor).send().json();
        assertEquals(false, broken.getBoolean("valid"), broken::toString);
        assertEquals(single("select id from audit_record where seq = 1"), broken.getJsonNumber("firstBrokenId").longValue());
        assertEquals(records, single("select count(*) from audit_record where key_id is null"), "a broken chain is not sealed");
    }

    /** A record changed and the chain recomputed after it, by someone without Baton's key: verify names the record. */
    private void auditRewrittenWithoutTheKeyIsFound(Clerk clerk) throws Exception {
        String auditor = SharedBaton.issuer().token("auditor", "baton-auditor");
        assertEquals(true, clerk.api.get("audit/verify").bearer(auditor).send().json().getBoolean("valid"));
        long edited = single("select id from audit_record where seq = 3");
        try (Connection db = POSTGRES.connect(database)) {
            AuditForger.withoutTheKey().rewrite(db, 3, "approved by nobody");
        }
        JsonObject forged = clerk.api.get("audit/verify").bearer(auditor).send().json();
        assertEquals(false, forged.getBoolean("valid"), forged::toString);
        assertEquals(edited, forged.getJsonNumber("firstBrokenId").longValue());
    }

    /**
     * The same with Baton's key file in hand: the chain verifies again, but a checkpoint Baton wrote
     * to its log before the rewrite no longer fits, and verification against it names the record it
     * certified; a checkpoint not signed by Baton is refused.
     */
    private void auditRewrittenWithTheKeyIsFoundByACheckpoint(Clerk clerk) throws Exception {
        String auditor = SharedBaton.issuer().token("auditor", "baton-auditor");
        JsonObject checkpoint = loggedCheckpoint(3);
        try (Connection db = POSTGRES.connect(database)) {
            AuditForger.withTheKeyIn(Path.of("target", "it-data", "postgres", "baton.key")).rewrite(db, 3, "approved by nobody");
        }
        assertEquals(true, clerk.api.get("audit/verify").bearer(auditor).send().json().getBoolean("valid"), "the key forges a chain");
        JsonObject checked = clerk.api.post("audit/verify").bearer(auditor).json(Json.createObjectBuilder()
                .add("checkpoints", Json.createArrayBuilder().add(checkpoint)).build()).send().json();
        assertEquals(false, checked.getBoolean("valid"), checked::toString);
        assertEquals(single("select id from audit_record where seq = " + checkpoint.getInt("seq")),
                checked.getJsonNumber("firstBrokenId").longValue());

        String hash = checkpoint.getString("hash");
        JsonObject forged = Json.createObjectBuilder(checkpoint).add("hash", (hash.startsWith("A") ? "B" : "A") + hash.substring(1)).build();
        Reply refused = clerk.api.post("audit/verify").bearer(auditor)
                .json(Json.createObjectBuilder().add("checkpoints", Json.createArrayBuilder().add(forged)).build()).send();
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("invalid-request", refused.code());
    }

    /** The first checkpoint in the server's log that covers record {@code seq}, waiting up to 20 s for it. */
    private JsonObject loggedCheckpoint(long seq) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            for (String line : Files.readAllLines(server.log())) {
                int at = line.indexOf("Audit checkpoint {");
                if (at >= 0) {
                    JsonObject checkpoint = Json.createReader(new StringReader(line.substring(at + "Audit checkpoint ".length())))
                            .readObject();
                    if (checkpoint.getInt("seq") >= seq) {
                        return checkpoint;
                    }
                }
            }
            BatonServer.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("no audit checkpoint in " + server.log());
    }

    /**
     * A database reader cannot search the ~39-bit code space: what is stored of a code is its HMAC
     * under Baton's key, which lives in a file of the server's own, readable by its owner only.
     */
    private void claimCodesAreStoredKeyed(Clerk clerk, Clerk.Device holder, Clerk.Held session) throws Exception {
        Clerk.Device laptop = clerk.register("laptop");
        JsonObject offer = clerk.offer(holder, session, laptop);
        String stored;
        try (Connection connection = POSTGRES.connect(database);
             var query = connection.prepareStatement("select claim_code_hash from transfer where id = ?")) {
            query.setString(1, offer.getString("id"));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                stored = rows.getString(1);
            }
        }
        assertNotEquals(sha256(offer.getString("claimCode")), stored, "a plain hash of the code gives it away to a search");
        assertFalse(stored.contains(offer.getString("claimCode")));
        Path key = Path.of("target", "it-data", "postgres", "baton.key");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(key));
        assertEquals(200, clerk.claimReply(laptop, offer.getString("id"), offer.getString("claimCode")).status());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of the audit altered or deleted in the database behind Baton's back: verify names the first. */
    private void auditTamperingIsFound(Clerk clerk) throws SQLException {
        String auditor = SharedBaton.issuer().token("auditor", "baton-auditor");
        JsonObject whole = clerk.api.get("audit/verify").bearer(auditor).send().json();
        assertEquals(true, whole.getBoolean("valid"), whole::toString);
        assertTrue(whole.getInt("checked") >= 5, whole::toString);

        long altered = single("select id from audit_record where seq = 3");
        POSTGRES.execute(database, "create table audit_backup as select * from audit_record where seq = 3");
        POSTGRES.execute(database, "update audit_record set reason = 'nothing happened' where seq = 3");
        JsonObject tampered = clerk.api.get("audit/verify").bearer(auditor).send().json();
        assertEquals(false, tampered.getBoolean("valid"), tampered::toString);
        assertEquals(altered, tampered.getJsonNumber("firstBrokenId").longValue());
        assertEquals(2, tampered.getInt("checked"));

        POSTGRES.execute(database, "update audit_record set reason = (select reason from audit_backup) where seq = 3");
        assertEquals(true, clerk.api.get("audit/verify").bearer(auditor).send().json().getBoolean("valid"), "put back as it was");
        POSTGRES.execute(database, "delete from audit_record where seq = 2");
        JsonObject gap = clerk.api.get("audit/verify").bearer(auditor).send().json();
        assertEquals(false, gap.getBoolean("valid"), gap::toString);
        assertEquals(altered, gap.getJsonNumber("firstBrokenId").longValue(), "the record after the deleted one");
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = POSTGRES.connect(database);
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
