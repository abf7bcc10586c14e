package dev.baton.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The production topology on loopback, run by {@code docker/loopback.sh} itself: N Baton nodes in
 * one data grid on ports free at the start, with the run's files under {@code target/}, and a
 * {@link TestPostgres} of their own handed to the script as {@code BATON_DB_URL}, so that no
 * installed PostgreSQL is needed and the test can stop and start it.
 */
public final class LoopbackCluster implements AutoCloseable {

    private static final Path SCRIPT = Path.of("docker", "loopback.sh");
    private static final long SCRIPT_TIMEOUT_SECONDS = 420;

    private final int nodes;
    private final Map<String, String> environment = new HashMap<>();
    private final int httpPort;
    private final Path log;
    private final String name;
    private TestPostgres postgres;

    public LoopbackCluster(String name, int nodes, Map<String, String> settings) {
        this.nodes = nodes;
        this.name = name;
        int[] ports = freePorts(2 * nodes);
        this.httpPort = ports[0];
        this.log = Path.of("target", "it-logs", name + "-script.log");
        environment.putAll(settings);
        environment.put("BATON_RUN_DIR", Path.of("target", "it-data", name + "-" + System.nanoTime()).toAbsolutePath().toString());
        environment.put("BATON_HTTP_PORT", Integer.toString(httpPort));
        environment.put("BATON_GRID_PORT", Integer.toString(ports[nodes]));
        environment.put("BATON_CLUSTER_NAME", "baton-it-" + name + "-" + httpPort);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
    }

    /** Starts the database (on the first call) and every node; again after {@link #stopAll()}. */
    public LoopbackCluster up() {
        if (postgres == null) {
            postgres = TestPostgres.own(name);
            try {
                postgres.execute("postgres", "create database baton");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            environment.put("BATON_DB_URL", postgres.jdbcUrl("baton"));
            environment.put("BATON_DB_USER", TestPostgres.USER);
        }
        script(Map.of(), "up", Integer.toString(nodes));
        return this;
    }

    public Api api(int node) {
        return new Api(java.net.URI.create("http://127.0.0.1:" + (httpPort + node - 1) + "/"));
    }

    /** Starts node {@code node} again, with {@code settings} on top of the cluster's. */
    public void start(int node, Map<String, String> settings) {
        script(settings, "start", Integer.toString(node));
    }

    public void stop(int node) {
        script(Map.of(), "stop", Integer.toString(node));
    }

    public void stopAll() {
        script(Map.of(), "stop");
    }

    /** SIGKILL, as a crash would. */
    public void kill(int node) {
        script(Map.of(), "kill", Integer.toString(node));
    }

    /** The cluster's PostgreSQL, which a test may stop and start under the running nodes. */
    public TestPostgres database() {
        return postgres;
    }

    public Connection connect() throws SQLException {
        return postgres.connect("baton");
    }

    @Override
    public void close() {
        try {
            script(Map.of(), "down");
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private void script(Map<String, String> settings, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().putAll(settings);
            Process process = builder.start();
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took too long; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log + ":\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} consecutive loopback ports that are free now. */
    private static int[] freePorts(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            int[] ports = new int[count];
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                ports[i] = base + i;
                free = isFree(ports[i]);
            }
            if (free) {
                return ports;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free ports");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
