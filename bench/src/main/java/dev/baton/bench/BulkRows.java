package dev.baton.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills Baton's PostgreSQL schema with valid rows by SQL (COPY), because a million sessions
 * through the API would take hours here: per session a user of its own (with its registrant row),
 * one active device, one active session it holds, and the two audit records the API would have
 * written (DEVICE_REGISTERED, SESSION_OPENED), sealed and linked into the audit chain exactly as
 * {@code AuditRecord} does under the node's key, so {@code GET /audit/verify} still finds the chain whole.
 * Runs in one transaction that holds the chain's head, as Baton's own appends do.
 */
final class BulkRows {

    private static final int CHUNK = 20_000;
    private static final String STATE = BatonUsers.STATE;

    private final String jdbcUrl;
    private final byte[] auditKey;
    private final String keyId;

    /** {@code keyFile}: the node's {@code baton.key-file}, so that the rows are sealed under its audit key. */
    BulkRows(String jdbcUrl, Path keyFile) throws IOException {
        this.jdbcUrl = jdbcUrl;
        byte[] master = Base64.getDecoder().decode(Files.readString(keyFile).replaceAll("\\s", ""));
        this.auditKey = hmac(master, "audit");
        this.keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(master, "baton key id")).substring(0, 12);
    }

    long sessions() throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement sql = db.createStatement();
             ResultSet count = sql.executeQuery("select count(*) from baton_session")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Adds sessions (with their users, devices and audit records) until there are {@code target}. */
    void fillTo(long target) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(false);
            long missing = target - sessions();
            if (missing <= 0) {
                return;
            }
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            try (Statement sql = db.createStatement()) {
                ResultSet head = sql.executeQuery("select last_seq, last_hash from audit_chain where id = 1 for update");
                head.next();
                long seq = head.getLong(1);
                String hash = head.getString(2);
                // Reserve a block of audit ids: the hash covers the id, so it must be known here.
                ResultSet first = sql.executeQuery("select nextval(pg_get_serial_sequence('audit_record', 'id'))");
                first.next();
                long id = first.getLong(1);
                sql.execute("select setval(pg_get_serial_sequence('audit_record', 'id'), " + (id + 2 * missing) + ")");
                String batch = UUID.randomUUID().toString().substring(0, 8);
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                for (long done = 0; done < missing; done += CHUNK) {
                    StringBuilder users = new StringBuilder();
                    StringBuilder devices = new StringBuilder();
                    StringBuilder sessions = new StringBuilder();
                    StringBuilder audit = new StringBuilder();
                    for (long i = done; i < Math.min(missing, done + CHUNK); i++) {
                        String user = "bulk-" + batch + "-" + i;
                        String device = UUID.randomUUID().toString();
                        String session = UUID.randomUUID().toString();
                        String at = now.toString();
                        users.append(user).append('\n');
                        devices.append(csv(device, user, "bulk desktop", "DESKTOP", "bench", "ACTIVE", hash(UUID.randomUUID().toString()),
                                null, at, at, null, "0"));
                        sessions.append(csv(session, user, "portal", STATE, "1", device, hash(UUID.randomUUID().toString()), at, at,
                                now.plus(Duration.ofHours(12)).toString(), null, "0"));
                        hash = link(audit, ++seq, id++, now, "DEVICE_REGISTERED", user, null, device, hash);
                        hash = link(audit, ++seq, id++, now, "SESSION_OPENED", user, session, device, hash);
                    }
                    copy.copyIn("copy registrant (id) from stdin", new StringReader(users.toString()));
                    copy.copyIn("copy device (id, owner_id, name, kind, platform, status, token_hash, public_key, registered_at, "
                            + "last_seen_at, revoked_at, row_version) from stdin (format csv)", new StringReader(devices.toString()));
                    copy.copyIn("copy baton_session (id, owner_id, application, state, state_version, holder_device_id, token_hash, "
                            + "created_at, last_activity_at, absolute_expiry_at, ended_at, row_version) from stdin (format csv)",
                            new StringReader(sessions.toString()));
                    copy.copyIn("copy audit_record (id, at, action, actor, session_id, transfer_id, device_id, target_device_id, "
                            + "outcome, reason, remote_address, seq, prev_hash, hash, key_id, mac) from stdin (format csv)",
                            new StringReader(audit.toString()));
                }
                try (var update = db.prepareStatement("update audit_chain set last_seq = ?, last_hash = ? where id = 1")) {
                    update.setLong(1, seq);
                    update.setString(2, hash);
                    update.executeUpdate();
                }
            }
            db.commit();
            try (Statement sql = db.createStatement()) {
                db.setAutoCommit(true);
                sql.execute("analyze");
            }
        }
    }

    /** Appends one audit record as a CSV line, sealed and linked as Baton does; answers its hash, the chain's new head. */
    private String link(StringBuilder out, long seq, long id, Instant at, String action, String actor, String session,
                        String device, String previous) {
        String address = "127.0.0.1";
        String mac = mac(fields(at, action, actor, address, session, null, device, null, "SUCCESS", null));
        String hash = mac(fields(seq, id, keyId, mac, previous));
        out.append(csv(Long.toString(id), at.toString(), action, actor, session, null, device, null, "SUCCESS", null, address,
                Long.toString(seq), previous, hash, keyId, mac));
        return hash;
    }

    /** Baton's {@code AuditRecord} text: every field with its length in front, "-" for none. */
    static String fields(Object... fields) {
        StringBuilder content = new StringBuilder();
        for (Object field : fields) {
            String text = field == null ? null : field.toString();
            content.append(text == null ? "-" : text.length() + ":" + text).append('|');
        }
        return content.toString();
    }

    /** Baton's {@code ServerKey} for the purpose "audit": HMAC-SHA256 under HMAC(key, "audit"), base64url. */
    private String mac(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(auditKey, text));
    }

    static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One CSV line; null is an unquoted empty field (SQL NULL), every value is quoted. */
    private static String csv(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            if (values[i] != null) {
                line.append('"').append(values[i].replace("\"", "\"\"")).append('"');
            }
        }
        return line.append('\n').toString();
    }
}
