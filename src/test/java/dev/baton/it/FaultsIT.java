package dev.baton.it;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure Baton did not foresee, provoked through its test switch ({@code baton.test.faults},
 * on in the shared server only): the client learns nothing of the insides, the operator finds it
 * in the log by its incident id.
 */
@ExtendWith(SharedBaton.class)
class FaultsIT {

    private final Clerk clerk = Clerk.fresh();

    @Test
    void anUnexpectedFailureIsAProblemWithAnIncidentIdThatTheLogNames() throws IOException {
        Reply reply = clerk.api.get("devices").bearer(clerk.jwt()).header("Baton-Test-Fault", "boom").send();
        assertEquals(500, reply.status(), reply::toString);
        assertEquals("internal", reply.code());
        assertTrue(reply.json().containsKey("incidentId"), reply::toString);
        String incident = reply.get("incidentId");
        UUID.fromString(incident);
        for (String inside : new String[] {"Exception", "dev.baton", "java.", "jakarta.", "\tat ", "Test-Fault"}) {
            assertFalse(reply.text().contains(inside), () -> "'" + inside + "' in " + reply.text());
        }
        assertTrue(logNames(incident), "the server log names incident " + incident);
    }

    /** Whether a line of the shared server's log names {@code incident}, within a few seconds (the log is written as it goes). */
    private static boolean logNames(String incident) throws IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        do {
            if (Files.readAllLines(SharedBaton.server().log()).stream().anyMatch(line -> line.contains("Incident " + incident))) {
                return true;
            }
            BatonServer.sleep(Duration.ofMillis(200));
        } while (Instant.now().isBefore(deadline));
        return false;
    }
}
