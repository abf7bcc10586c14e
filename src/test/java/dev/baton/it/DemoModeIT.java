package dev.baton.it;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demo mode as a newcomer meets it: Baton started with {@code BATON_DEMO=true} and nothing else,
 * and the README's walkthrough pasted into a shell, verbatim but for the server's address. It
 * listens on loopback only; {@code BATON_DEMO_LISTEN_ON_NETWORK=true} opens it, but its tokens
 * are still for clients on this machine alone, also behind a proxy on it.
 */
class DemoModeIT {

    private static final String TOKEN_REQUEST = "{\"user\":\"mallory\",\"groups\":[\"baton-admin\"]}";

    private static final BatonServer SERVER = new BatonServer("demo", Map.of("BATON_DEMO", "true"));

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    void theReadmeWalkthroughRunsAgainstDemoModeListeningOnLoopbackOnly() throws IOException, InterruptedException {
        int port = SERVER.base().getPort();
        List<InetAddress> listening = Listeners.on(port);
        assertFalse(listening.isEmpty(), "nothing listens on " + port);
        assertTrue(listening.stream().allMatch(InetAddress::isLoopbackAddress), "listens on " + listening);
        Optional<InetAddress> beyond = Listeners.beyondLoopback();
        if (beyond.isPresent()) {
            assertThrows(ConnectException.class, () -> connect(beyond.get(), port), "reached on " + beyond.get());
        }
        String script = walkthrough().replace("BATON=http://127.0.0.1:8080", "BATON=" + SERVER.base().toString().replaceAll("/$", ""));
        Process shell = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertTrue(shell.waitFor(60, TimeUnit.SECONDS), "the walkthrough hangs");
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, shell.exitValue(), output);
        assertTrue(output.contains("HTTP/1.1 403"), output);
        assertTrue(output.contains("\"code\":\"access-prohibited\""), output);
        for (String action : new String[] {"SESSION_OPENED", "TRANSFER_REQUESTED", "TRANSFER_CLAIMED", "SESSION_RESTORED",
            "ACCESS_PROHIBITED"}) {
            assertTrue(output.contains(action), () -> action + " missing in\n" + output);
        }
        String log = Files.readString(SERVER.log());
        assertTrue(log.contains("BATON DEMO MODE"), "demo mode says so in the log");
        assertTrue(log.contains("Listening on 127.0.0.1 only"), "and says where it listens");
    }

    /** A server as deployed, without Baton's test switch: the header that provokes a fault in FaultsIT does nothing. */
    @Test
    void theTestFaultHeaderDoesNothingWithoutTheTestSwitch() {
        Api api = new Api(SERVER.base());
        String token = api.post("/dev/token").json("{\"user\":\"alice\",\"groups\":[\"baton-user\"]}").send().get("token");
        Reply reply = api.get("devices").bearer(token).header("Baton-Test-Fault", "boom").send();
        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void openedToTheNetworkDemoModeListensOnEveryInterfaceButMintsTokensForThisMachineOnly() {
        BatonServer server = new BatonServer("demo-network", Map.of("BATON_DEMO", "true", "BATON_DEMO_LISTEN_ON_NETWORK", "true",
                "BATON_TRUSTED_PROXIES", "127.0.0.1/32"));
        try {
            server.start();
            int port = server.base().getPort();
            List<InetAddress> listening = Listeners.on(port);
            assertTrue(listening.stream().anyMatch(InetAddress::isAnyLocalAddress), "listens on " + listening);
            Api here = new Api(server.base());
            assertEquals(200, here.post("/dev/token").json(TOKEN_REQUEST).send().status());
            // Through a trusted proxy on this machine, for a client beyond it.
            assertEquals(404, here.post("/dev/token").header("X-Forwarded-For", "203.0.113.5").json(TOKEN_REQUEST).send().status());
            Optional<InetAddress> beyond = Listeners.beyondLoopback();
            if (beyond.isPresent()) {
                // This machine's own address: the call never leaves it, but Baton sees a client beyond loopback.
                URI there = URI.create("http://" + beyond.get().getHostAddress() + ":" + port + "/");
                Reply refused = new Api(there).post("/dev/token").json(TOKEN_REQUEST).send();
                assertEquals(404, refused.status(), refused.text());
                assertEquals("not-found", refused.code());
            }
        } finally {
            server.stop();
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    /** The first {@code sh} block under the README's walkthrough heading. */
    private static String walkthrough() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Walkthrough");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
