package dev.baton.it;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one Baton for all black-box test classes of the run and stops it at the end. Its settings
 * are short so that windows and expiries can be watched: a transfer lives 8 s, a prohibition 4 s,
 * a session idles out after 20 s, event streams hear a ping every 2 s, headers must arrive within 4 s.
 */
public final class SharedBaton implements BeforeAllCallback {

    public static final Duration TRANSFER_TTL = Duration.ofSeconds(8);
    public static final Duration PROHIBITION = Duration.ofSeconds(4);
    public static final Duration IDLE = Duration.ofSeconds(20);
    public static final int CLAIM_ATTEMPTS = 3;
    public static final int CLAIM_RATE = 12;
    public static final int WRITE_RATE = 600;
    public static final int MAX_DEVICES = 4;
    /** Each event stream hears a ping this often, and a stream whose client is gone is then dropped. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(2);
    public static final int MAX_STREAMS_PER_DEVICE = 5;
    /** A request's header section must arrive within this (the default is 20 s). */
    public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(4);
    /** Refusals no step audits on its own are written once per this window. */
    public static final Duration REFUSAL_WINDOW = Duration.ofSeconds(2);
    /** The origins whose browsers may call the shared server (CORS). */
    public static final String PORTAL = "https://portal.baton.test";
    public static final String LOCAL_PORTAL = "http://localhost:3000";
    /** The one address whose X-Forwarded-For counts: the test's own calls come from it. */
    public static final String TRUSTED_PROXY = "127.0.0.1";

    private static final TestIssuer ISSUER = new TestIssuer();
    private static BatonServer server;
    private static Duration startup;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /**
     * Starts the shared server unless it runs. It stops when the test JVM exits, after the last
     * test class that uses it.
     */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        server = new BatonServer("shared", Map.ofEntries(
                Map.entry("MP_JWT_VERIFY_PUBLICKEY", ISSUER.publicKey()),
                Map.entry("MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER),
                Map.entry("MP_JWT_VERIFY_AUDIENCES", TestIssuer.AUDIENCE),
                Map.entry("BATON_TRANSFER_TTL", TRANSFER_TTL.toString()),
                Map.entry("BATON_PROHIBITION_PERIOD", PROHIBITION.toString()),
                Map.entry("BATON_SESSION_IDLE_TIMEOUT", IDLE.toString()),
                Map.entry("BATON_CLAIM_MAX_ATTEMPTS", Integer.toString(CLAIM_ATTEMPTS)),
                Map.entry("BATON_RATE_LIMIT_CLAIM", CLAIM_RATE + "/PT1M"),
                Map.entry("BATON_RATE_LIMIT_WRITE", WRITE_RATE + "/PT1M"),
                Map.entry("BATON_DEVICES_MAX_PER_USER", Integer.toString(MAX_DEVICES)),
                Map.entry("BATON_POLICY_PAYMENTS_ALLOWED_KINDS", "desktop, laptop"),
                Map.entry("BATON_CORS_ALLOWED_ORIGINS", PORTAL + ", " + LOCAL_PORTAL),
                Map.entry("BATON_AUDIT_REFUSAL_WINDOW", REFUSAL_WINDOW.toString()),
                Map.entry("BATON_EVENTS_HEARTBEAT", HEARTBEAT.toString()),
                Map.entry("BATON_EVENTS_MAX_STREAMS_PER_DEVICE", Integer.toString(MAX_STREAMS_PER_DEVICE)),
                Map.entry("BATON_REQUEST_HEADER_TIMEOUT", HEADER_TIMEOUT.toString()),
                Map.entry("BATON_TRUSTED_PROXIES", TRUSTED_PROXY + "/32"),
                Map.entry("BATON_PROOF_TRUST_FORWARDED", "true"),
                // Baton's own test switch: a call with Baton-Test-Fault fails unexpectedly (FaultsIT).
                Map.entry("BATON_TEST_FAULTS", "true")));
        startup = server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    public static BatonServer server() {
        return server;
    }

    public static TestIssuer issuer() {
        return ISSUER;
    }

    public static Duration startup() {
        return startup;
    }
}
