package dev.baton.it;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demo mode as a newcomer meets it: Baton started with {@code BATON_DEMO=true} and nothing else,
 * and the README's walkthrough and admin API sample pasted into a shell, verbatim but for the server's address. It
 * listens on loopback only, and its tokens are for clients on this machine alone, also behind a
 * proxy on it. (Tests stay on loopback: that {@code BATON_DEMO_LISTEN_ON_NETWORK=true} binds every
 * interface is {@code DemoModeTest}'s; this test never binds or calls another address.)
 */
class DemoModeIT {

    private static final String TOKEN_REQUEST = "{\"user\":\"mallory\",\"groups\":[\"baton-admin\"]}";

    /** Demo mode with its defaults, but for one proxy on this machine that forwards for others. */
    private static final BatonServer SERVER = new BatonServer("demo", Map.of("BATON_DEMO", "true", "BATON_TRUSTED_PROXIES", "127.0.0.1/32"));

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
        String output = run(block("## Walkthrough"));
        assertTrue(output.contains("HTTP/1.1 403"), output);
        assertTrue(output.contains("\"code\":\"access-prohibited\""), output);
        for (String action : new String[] {"session-opened", "transfer-requested", "transfer-claimed", "session-restored",
            "access-prohibited"}) {
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
    void tokensAreMintedForClientsOnThisMachineOnly() {
        Api here = new Api(SERVER.base());
        assertEquals(200, here.post("/dev/token").json(TOKEN_REQUEST).send().status());
        // Through the trusted proxy on this machine, for a client beyond it.
        Reply refused = here.post("/dev/token").header("X-Forwarded-For", "203.0.113.5").json(TOKEN_REQUEST).send();
        assertEquals(404, refused.status(), refused::toString);
        assertEquals("not-found", refused.code());
        Reply badBody = here.post("/dev/token").header("X-Forwarded-For", "203.0.113.5").json("{\"groups\":5}").send();
        assertEquals("not-found", badBody.code(), "not even a bad body tells it is there");
    }

    @Test
    void tokenRequestsAreCheckedNamingTheMember() {
        Api here = new Api(SERVER.base());
        Reply minted = here.post("/dev/token").json("{\"user\":\"alice\"}").send();
        assertEquals(Set.of("token", "expiresAt"), minted.json().keySet());
        String[][] refusals = {
            {"{\"groups\":[\"baton-user\"]}", "'user' is required."},
            {"{\"user\":\"alice\",\"groups\":[\"baton-user\",\" \"]}", "'groups[1]' must not be blank."},
            {"{\"user\":\"alice\",\"groups\":\"baton-user\"}", "'groups' has the wrong type."},
            {"{\"user\":\"alice\",\"role\":\"admin\"}", "'role' is not a known field."},
        };
        for (String[] refusal : refusals) {
            Reply reply = here.post("/dev/token").json(refusal[0]).send();
            assertEquals(400, reply.status(), () -> refusal[0] + " -> " + reply);
            assertEquals(refusal[1], reply.json().getString("detail"), refusal[0]);
        }
    }

    /** The README's admin API sample: an admin's token from /dev/token sees alice's devices and revokes them. */
    @Test
    void theReadmeAdminSampleRunsAgainstDemoMode() throws IOException, InterruptedException {
        String output = run(block("### Admin API"));
        assertTrue(output.contains("{\"user\":\"alice\",\"devices\":["), output);
        assertTrue(output.contains("{\"name\":\"Lost phone\",\"status\":\"active\"}"), output);
        assertTrue(output.contains("\n204\n"), output);
        assertTrue(output.contains("adam revoked "), output);
    }

    /** Runs a README block in bash as a reader pastes it, against this server; answers what it printed. */
    private static String run(String block) throws IOException, InterruptedException {
        String script = block.replace("BATON=http://127.0.0.1:8080", "BATON=" + SERVER.base().toString().replaceAll("/$", ""));
        Process shell = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertTrue(shell.waitFor(60, TimeUnit.SECONDS), "the README's block hangs");
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, shell.exitValue(), output);
        return output;
    }

    /** The first {@code sh} block under the README's {@code heading}. */
    private static String block(String heading) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("\n" + heading);
        assertTrue(section >= 0, "no " + heading + " in the README");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
