package dev.baton;

import dev.baton.it.TestPostgres;
import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The PostgreSQL for the in-container tests' second run (container {@code payara-micro-postgres} of
 * {@code arquillian.xml}): when that run gives no {@code baton.test.db.url} of its own, an embedded
 * server is started before the first deployment and an empty database in it is handed to the
 * container. Every other test run is left alone.
 */
public final class InContainerPostgres implements LauncherSessionListener {

    static final String CONTAINER = "payara-micro-postgres";
    static final String URL = "baton.test.db.url";
    private static final String DATABASE = "baton_in_container";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!CONTAINER.equals(System.getProperty("arquillian.launch")) || System.getProperty(URL) != null) {
            return;
        }
        TestPostgres server = TestPostgres.shared();
        try {
            server.execute("postgres", "create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("No database for the in-container tests on PostgreSQL", e);
        }
        System.setProperty(URL, server.jdbcUrl(DATABASE));
    }
}
