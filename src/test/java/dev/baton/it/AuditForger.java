package dev.baton.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Someone with write access to Baton's database who rewrites audit history: changes one record's
 * reason and recomputes the seal and chain hash of it and every record after it, as Baton's
 * source code shows them to be made, then moves the head. Without Baton's key the forger can only
 * use plain SHA-256; with the key file it makes the very HMACs Baton would.
 */
final class AuditForger {

    private final byte[] auditKey;

    private AuditForger(byte[] auditKey) {
        this.auditKey = auditKey;
    }

    static AuditForger withoutTheKey() {
        return new AuditForger(null);
    }

    static AuditForger withTheKeyIn(Path keyFile) throws Exception {
        byte[] master = Base64.getDecoder().decode(Files.readString(keyFile).replaceAll("\\s", ""));
        return new AuditForger(hmac(master, "audit"));
    }

    /** Sets record {@code seq}'s reason and rewrites the chain from there to the head. */
    void rewrite(Connection db, long seq, String reason) throws Exception {
        try (PreparedStatement update = db.prepareStatement("update audit_record set reason = ? where seq = ?")) {
            update.setString(1, reason);
            update.setLong(2, seq);
            update.executeUpdate();
        }
        String previous;
        try (PreparedStatement before = db.prepareStatement("select hash from audit_record where seq = ?")) {
            before.setLong(1, seq - 1);
            try (ResultSet row = before.executeQuery()) {
                previous = row.next() ? row.getString(1) : "-";
            }
        }
        try (PreparedStatement rows = db.prepareStatement("select id, seq, at, action, actor, remote_address, session_id, transfer_id, "
                + "device_id, target_device_id, outcome, reason, key_id from audit_record where seq >= ? order by seq");
             PreparedStatement write = db.prepareStatement("update audit_record set mac = ?, prev_hash = ?, hash = ? where id = ?")) {
            rows.setLong(1, seq);
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    String at = row.getObject("at", OffsetDateTime.class).toInstant().toString();
                    String mac = digest(fields(at, row.getString("action"), row.getString("actor"), row.getString("remote_address"),
                            row.getString("session_id"), row.getString("transfer_id"), row.getString("device_id"),
                            row.getString("target_device_id"), row.getString("outcome"), row.getString("reason")));
                    String hash = digest(fields(row.getLong("seq"), row.getLong("id"), row.getString("key_id"), mac, previous));
                    write.setString(1, mac);
                    write.setString(2, previous);
                    write.setString(3, hash);
                    write.setLong(4, row.getLong("id"));
                    write.executeUpdate();
                    previous = hash;
                }
            }
        }
        try (PreparedStatement head = db.prepareStatement("update audit_chain set last_hash = ? where id = 1")) {
            head.setString(1, previous);
            head.executeUpdate();
        }
    }

    /**
     * Turns the whole chain back into what the first version of Baton wrote: no seals, each hash a
     * plain SHA-256 over the record's number, id, content and predecessor.
     */
    static void unkeyAll(Connection db) throws Exception {
        AuditForger plain = withoutTheKey();
        String previous = "-";
        try (PreparedStatement rows = db.prepareStatement("select id, seq, at, action, actor, remote_address, session_id, transfer_id, "
                + "device_id, target_device_id, outcome, reason from audit_record where seq is not null order by seq");
             PreparedStatement write = db.prepareStatement(
                     "update audit_record set key_id = null, mac = null, prev_hash = ?, hash = ? where id = ?");
             ResultSet row = rows.executeQuery()) {
            while (row.next()) {
                String hash = plain.digest(fields(row.getLong("seq"), row.getLong("id"),
                        row.getObject("at", OffsetDateTime.class).toInstant().toString(), row.getString("action"), row.getString("actor"),
                        row.getString("remote_address"), row.getString("session_id"), row.getString("transfer_id"),
                        row.getString("device_id"), row.getString("target_device_id"), row.getString("outcome"),
                        row.getString("reason"), previous));
                write.setString(1, previous);
                write.setString(2, hash);
                write.setLong(3, row.getLong("id"));
                write.executeUpdate();
                previous = hash;
            }
        }
        try (PreparedStatement head = db.prepareStatement("update audit_chain set last_hash = ? where id = 1")) {
            head.setString(1, previous);
            head.executeUpdate();
        }
    }

    private String digest(String text) throws Exception {
        byte[] digest = auditKey == null
                ? MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))
                : hmac(auditKey, text);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String fields(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            String value = field == null ? null : field.toString();
            text.append(value == null ? "-" : value.length() + ":" + value).append('|');
        }
        return text.toString();
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
