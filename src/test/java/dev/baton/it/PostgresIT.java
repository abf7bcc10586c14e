package dev.baton.it;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Baton on PostgreSQL (127.0.0.1:5432, as .ci/run ensures): the same migrations make the schema in
 * a database of the test's own, the whole flow runs on it, and the audit chain finds rows changed
 * in the database behind Baton's back.
 */
class PostgresIT {

    private final String database = "baton_it_" + System.nanoTime();
    private BatonServer server;

    @BeforeEach
    void createDatabase() throws SQLException {
        admin("create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (server != null) {
            server.stop();
        }
        admin("drop database if exists " + database);
    }

    @Test
    void theFlowRunsOnPostgresqlAndReadinessSaysSo() throws Exception {
        server = new BatonServer("postgres", Map.of(
                "MP_JWT_VERIFY_PUBLICKEY", SharedBaton.issuer().publicKey(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER,
                "BATON_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database,
                "BATON_DB_USER", "postgres"));
        server.start();
        Clerk clerk = new Clerk(new Api(server.base()), SharedBaton.issuer());
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        Clerk.Held session = clerk.open(desktop);
        JsonObject restored = clerk.move(session, desktop, phone);

        assertEquals(phone.id(), restored.getString("holderDeviceId"));
        assertEquals("access-prohibited", clerk.readSession(desktop, session).code());
        Reply ready = clerk.api.get("/health/ready").send();
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.get("status"));

        auditTamperingIsFound(clerk);
        claimCodesAreStoredKeyed(clerk, phone, new Clerk.Held(session.id(), restored.getString("sessionToken")));
    }

    /**
     * A database reader cannot search the ~39-bit code space: what is stored of a code is its HMAC
     * under Baton's key, which lives in a file of the server's own, readable by its owner only.
     */
    private void claimCodesAreStoredKeyed(Clerk clerk, Clerk.Device holder, Clerk.Held session) throws Exception {
        Clerk.Device laptop = clerk.register("laptop");
        JsonObject offer = clerk.offer(holder, session, laptop);
        String stored;
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
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
        assertEquals(200, clerk.claim(laptop, offer.getString("id"), offer.getString("claimCode")).status());
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
        admin(database, "create table audit_backup as select * from audit_record where seq = 3");
        admin(database, "update audit_record set reason = 'nothing happened' where seq = 3");
        JsonObject tampered = clerk.api.get("audit/verify").bearer(auditor).send().json();
        assertEquals(false, tampered.getBoolean("valid"), tampered::toString);
        assertEquals(altered, tampered.getJsonNumber("firstBrokenId").longValue());
        assertEquals(2, tampered.getInt("checked"));

        admin(database, "update audit_record set reason = (select reason from audit_backup) where seq = 3");
        assertEquals(true, clerk.api.get("audit/verify").bearer(auditor).send().json().getBoolean("valid"), "put back as it was");
        admin(database, "delete from audit_record where seq = 2");
        JsonObject gap = clerk.api.get("audit/verify").bearer(auditor).send().json();
        assertEquals(false, gap.getBoolean("valid"), gap::toString);
        assertEquals(altered, gap.getJsonNumber("firstBrokenId").longValue(), "the record after the deleted one");
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void admin(String sql) throws SQLException {
        admin("postgres", sql);
    }

    private static void admin(String db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
