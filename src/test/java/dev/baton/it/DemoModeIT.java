package dev.baton.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demo mode as a newcomer meets it: Baton started with {@code BATON_DEMO=true} and nothing else,
 * and the README's walkthrough pasted into a shell, verbatim but for the server's address.
 */
class DemoModeIT {

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
    void theReadmeWalkthroughRunsAgainstDemoMode() throws IOException, InterruptedException {
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
        assertTrue(Files.readString(SERVER.log()).contains("BATON DEMO MODE"), "demo mode says so in the log");
    }

    /** A server as deployed, without Baton's test switch: the header that provokes a fault in FaultsIT does nothing. */
    @Test
    void theTestFaultHeaderDoesNothingWithoutTheTestSwitch() {
        Api api = new Api(SERVER.base());
        String token = api.post("/dev/token").json("{\"user\":\"alice\",\"groups\":[\"baton-user\"]}").send().get("token");
        Reply reply = api.get("devices").bearer(token).header("Baton-Test-Fault", "boom").send();
        assertEquals(200, reply.status(), reply::toString);
    }

    /** The first {@code sh} block under the README's walkthrough heading. */
    private static String walkthrough() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Walkthrough");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
