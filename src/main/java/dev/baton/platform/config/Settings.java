package dev.baton.platform.config;

import dev.baton.platform.ratelimit.Rate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of what every call goes through: request limits, the write rate and the clock skew
 * tolerated in tokens. Each feature reads its own settings ({@code TransferSettings},
 * {@code SessionSettings}, …). Defaults live in {@code META-INF/microprofile-config.properties};
 * environment variables override them in the MicroProfile Config way.
 */
@ApplicationScoped
public class Settings {

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
    @ConfigProperty(name = "baton.rate-limit.write")
    Rate writeRate;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long clockSkewSeconds;

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

    /** Writes (POST, PUT, DELETE, PATCH) per user. */
    public Rate writeRate() {
        return writeRate;
    }

    public Duration clockSkew() {
        return Duration.ofSeconds(clockSkewSeconds);
    }
}
