package dev.baton.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One Baton process: {@code java -jar target/baton.jar} on a free loopback port, with its own H2
 * data directory, log file and data grid (a cluster name and grid port of its own, so that two
 * test nodes never join each other). Stopping it kills only this process.
 */
public final class BatonServer {

    private static final Duration STARTUP = Duration.ofSeconds(240);

    private final String name;
    private final Map<String, String> environment;
    private final int port;
    private final int gridPort;
    private final Path log;
    private Process process;

    public BatonServer(String name, Map<String, String> environment) {
        this.name = name;
        this.environment = new HashMap<>(environment);
        this.port = freePort();
        this.gridPort = freePort();
        this.log = Path.of("target", "it-logs", name + ".log");
        this.environment.putIfAbsent("BATON_DATA_DIR", Path.of("target", "it-data", name).toAbsolutePath().toString());
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Path log() {
        return log;
    }

    /** Starts the process and waits until it answers; answers the time that took. */
    public Duration start() {
        Instant begin = Instant.now();
        launch();
        awaitReady(begin);
        return Duration.between(begin, Instant.now());
    }

    /** Starts the process without waiting for it to answer: for a start that is meant to fail. */
    public void launch() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Path.of("target", "baton.jar").toString(), "--port", Integer.toString(port), "--name", name,
                    "--clustername", "baton-it-" + name + "-" + gridPort, "--clustermode", "tcpip:127.0.0.1:" + gridPort,
                    "--startport", Integer.toString(gridPort))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Instant begin) {
        HttpClient client = Api.CLIENT;
        while (Duration.between(begin, Instant.now()).compareTo(STARTUP) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start-up; see " + log);
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(base()).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException(name + " did not answer within " + STARTUP + "; see " + log);
    }

    /** Kills the process at once, as a crash would (SIGKILL). */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rate windows start on the minute (epoch-aligned): keeps a short test inside one window. */
    static void awayFromAMinuteBoundary(Duration needed) {
        long second = Instant.now().getEpochSecond() % 60;
        if (second + needed.toSeconds() >= 60) {
            sleep(Duration.ofSeconds(61 - second));
        }
    }

    /** Sleeps this long; a time already past (a deadline on a loaded machine) means no sleep. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port free on loopback now (the OS picks it). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
