package dev.baton.platform.config;

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
 * Baton's settings (DESIGN.md §7). Defaults live in {@code META-INF/microprofile-config.properties};
 * environment variables override them in the MicroProfile Config way.
 */
@ApplicationScoped
public class Settings {

    private static final int POLICIES_KEPT = 1000;

    private final Map<String, Optional<String>> allowedKinds = new ConcurrentHashMap<>();

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "baton.transfer.ttl")
    Duration transferTtl;

    @Inject
    @ConfigProperty(name = "baton.prohibition.period")
    Duration prohibitionPeriod;

    @Inject
    @ConfigProperty(name = "baton.session.idle-timeout")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "baton.session.absolute-timeout")
    Duration absoluteTimeout;

    @Inject
    @ConfigProperty(name = "baton.session-info.max-bytes")
    int sessionInfoMaxBytes;

    @Inject
    @ConfigProperty(name = "baton.state.max-bytes")
    int stateMaxBytes;

    @Inject
    @ConfigProperty(name = "baton.request.max-bytes")
    int requestMaxBytes;

    @Inject
    @ConfigProperty(name = "baton.request.max-header-bytes")
    int requestMaxHeaderBytes;

    @Inject
    @ConfigProperty(name = "baton.request.header-timeout")
    Duration requestHeaderTimeout;

    @Inject
    @ConfigProperty(name = "baton.claim.max-attempts")
    int claimMaxAttempts;

    @Inject
    @ConfigProperty(name = "baton.claim.max-token-age")
    Duration claimMaxTokenAge;

    @Inject
    @ConfigProperty(name = "baton.devices.max-per-user")
    int maxDevicesPerUser;

    @Inject
    @ConfigProperty(name = "baton.rate-limit.claim")
    Rate claimRate;

    @Inject
    @ConfigProperty(name = "baton.rate-limit.write")
    Rate writeRate;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "baton.proof.max-age")
    Duration proofMaxAge;

    @Inject
    @ConfigProperty(name = "baton.proof.trust-forwarded")
    boolean proofTrustForwarded;

    public Duration transferTtl() {
        return transferTtl;
    }

    public Duration prohibitionPeriod() {
        return prohibitionPeriod;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    public int sessionInfoMaxBytes() {
        return sessionInfoMaxBytes;
    }

    public int stateMaxBytes() {
        return stateMaxBytes;
    }

    public int requestMaxBytes() {
        return requestMaxBytes;
    }

    /** The request line and header fields together, as HTTP/1.1 writes them. */
    public int requestMaxHeaderBytes() {
        return requestMaxHeaderBytes;
    }

    /** How long a request's header section may take to arrive, from its first byte. */
    public Duration requestHeaderTimeout() {
        return requestHeaderTimeout;
    }

    public int claimMaxAttempts() {
        return claimMaxAttempts;
    }

    public Duration claimMaxTokenAge() {
        return claimMaxTokenAge;
    }

    public int maxDevicesPerUser() {
        return maxDevicesPerUser;
    }

    public Rate claimRate() {
        return claimRate;
    }

    public Rate writeRate() {
        return writeRate;
    }

    public Duration clockSkew() {
        return Duration.ofSeconds(clockSkewSeconds);
    }

    public Duration proofMaxAge() {
        return proofMaxAge;
    }

    /** Whether device proofs name the URL as the load balancer's {@code X-Forwarded-*} headers say. */
    public boolean proofTrustForwarded() {
        return proofTrustForwarded;
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
