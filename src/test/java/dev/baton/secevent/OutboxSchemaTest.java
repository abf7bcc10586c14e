package dev.baton.secevent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The outbox's schema as the migrations make it on H2 (PostgreSQL's is WebhookIT's): one lease row,
 * taken by one node at a time until it lapses, and one row per {@code jti}.
 */
class OutboxSchemaTest {

    private static final String TAKE = "update security_event_sender set holder = ?, lease_until = ? "
            + "where id = 1 and (holder = ? or lease_until < ?)";

    @Test
    void theLeaseIsOneNodesUntilItLapses() throws SQLException {
        try (Connection db = migrated()) {
            Instant now = Instant.now();
            assertEquals(1, take(db, "a", now, now.plusSeconds(20)));
            assertEquals(0, take(db, "b", now.plusSeconds(5), now.plusSeconds(25)), "a holds it");
            assertEquals(1, take(db, "a", now.plusSeconds(5), now.plusSeconds(25)), "a renews it");
            assertEquals(1, take(db, "b", now.plusSeconds(26), now.plusSeconds(46)), "a's lapsed");
        }
    }

    @Test
    void aJtiIsWrittenOnce() throws SQLException {
        try (Connection db = migrated()) {
            String jti = UUID.randomUUID().toString();
            insert(db, jti);
            assertThrows(SQLException.class, () -> insert(db, jti));
        }
    }

    private static Connection migrated() throws SQLException {
        String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        return DriverManager.getConnection(url, "sa", "");
    }

    private static int take(Connection db, String holder, Instant now, Instant until) throws SQLException {
        try (PreparedStatement take = db.prepareStatement(TAKE)) {
            take.setString(1, holder);
            take.setTimestamp(2, Timestamp.from(until));
            take.setString(3, holder);
            take.setTimestamp(4, Timestamp.from(now));
            return take.executeUpdate();
        }
    }

    private static void insert(Connection db, String jti) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into security_event_outbox (jti, event_type, claims, created_at, "
                + "attempts, next_attempt_at) values (?, 'device-revoked', '{}', current_timestamp, 0, current_timestamp)")) {
            insert.setString(1, jti);
            insert.executeUpdate();
        }
    }
}
