package dev.baton.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node stopped and started again inside a prohibition window: the window still holds (it is
 * data), and its end is processed on time, once, by the timers re-armed at start-up.
 */
class RestartIT {

    private static final Duration WINDOW = Duration.ofSeconds(75);

    @Test
    void aProhibitionHoldsAcrossARestartAndEndsOnTimeOnce() {
        BatonServer server = new BatonServer("restart", Map.of(
                "MP_JWT_VERIFY_PUBLICKEY", SharedBaton.issuer().publicKey(),
                "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER,
                "BATON_PROHIBITION_PERIOD", WINDOW.toString(),
                "BATON_DATA_DIR", java.nio.file.Path.of("target", "it-data", "restart-" + System.nanoTime()).toAbsolutePath().toString()));
        try {
            server.start();
            Clerk clerk = new Clerk(new Api(server.base()), SharedBaton.issuer());
            Clerk.TwoDevices two = clerk.twoDevices();
            Clerk.Device desktop = two.desktop();
            Clerk.Device phone = two.phone();
            Clerk.Held session = two.session();
            Instant until = Instant.parse(clerk.move(session, desktop, phone).getString("prohibitedUntil"));

            server.kill();
            server.start();
            assertTrue(Instant.now().isBefore(until), "the restart took longer than the window; raise WINDOW");
            Reply inside = clerk.readSessionReply(desktop, session);
            assertEquals(403, inside.status(), inside::toString);
            assertEquals("access-prohibited", inside.code());

            BatonServer.sleep(Duration.between(Instant.now(), until).plusSeconds(3));
            String auditor = SharedBaton.issuer().token("auditor", "baton-auditor");
            Reply ended = clerk.api.get("audit?action=PROHIBITION_ENDED&session=" + session.id()).bearer(auditor).send();
            assertEquals(1, ended.json().getInt("total"), ended::toString);
            Instant at = Instant.parse(ended.json().getJsonArray("items").getJsonObject(0).getString("at"));
            assertTrue(!at.isBefore(until) && at.isBefore(until.plusSeconds(2)), "ended at " + at + ", due " + until);
            assertEquals("session-token-invalid", clerk.readSessionReply(desktop, session).code(), "the window is over");
        } finally {
            server.stop();
        }
    }
}
