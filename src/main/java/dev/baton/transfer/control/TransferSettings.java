package dev.baton.transfer.control;

import dev.baton.platform.ratelimit.Rate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transfer flow's settings: how long an offer lives, how big the session information may be,
 * the claim rule's limits (attempts per transfer, age of the sign-in, attempts per minute) and the
 * device kinds each application may move to. Defaults in {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class TransferSettings {

    private static final int POLICIES_KEPT = 1000;

    private final Map<String, Optional<String>> allowedKinds = new ConcurrentHashMap<>();

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "baton.transfer.ttl")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "baton.session-info.max-bytes")
    int sessionInfoMaxBytes;

    @Inject
    @ConfigProperty(name = "baton.claim.max-attempts")
    int claimMaxAttempts;

    @Inject
    @ConfigProperty(name = "baton.claim.max-token-age")
    Duration claimMaxTokenAge;

    @Inject
    @ConfigProperty(name = "baton.rate-limit.claim")
    Rate claimRate;

    /** From the request (or a pull's approval) to the restore. */
    public Duration ttl() {
        return ttl;
    }

    public int sessionInfoMaxBytes() {
        return sessionInfoMaxBytes;
    }

    /** Wrong claim codes a transfer takes; the last one cancels it. */
    public int claimMaxAttempts() {
        return claimMaxAttempts;
    }

    /** A claim needs a sign-in at most this old. */
    public Duration claimMaxTokenAge() {
        return claimMaxTokenAge;
    }

    /** Claim attempts per user and per device, whether or not the transfer exists. */
    public Rate claimRate() {
        return claimRate;
    }

    /**
     * {@code baton.policy.<application>.allowed-kinds}: comma-separated device kinds, or empty. Read
     * once per application (a lookup asks every config source, the data grid's among them), for at
     * most {@value #POLICIES_KEPT} applications; beyond them each call looks it up again.
     */
    public Optional<String> allowedKinds(String application) {
        Optional<String> kept = allowedKinds.get(application);
        if (kept != null) {
            return kept;
        }
        Optional<String> read = config.getOptionalValue("baton.policy." + application + ".allowed-kinds", String.class);
        if (allowedKinds.size() < POLICIES_KEPT) {
            allowedKinds.put(application, read);
        }
        return read;
    }
}
