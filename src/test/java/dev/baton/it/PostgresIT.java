package dev.baton.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Baton on PostgreSQL (127.0.0.1:5432, as .ci/run ensures): the same migrations make the schema in
 * a database of the test's own, and the whole flow runs on it.
 */
class PostgresIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

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
    void theFlowRunsOnPostgresqlAndReadinessSaysSo() {
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
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
