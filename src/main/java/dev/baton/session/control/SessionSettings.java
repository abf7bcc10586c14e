package dev.baton.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long sessions live and how much state they hold. Defaults in {@code META-INF/microprofile-config.properties}. */
@ApplicationScoped
public class SessionSettings {

    @Inject
    @ConfigProperty(name = "baton.session.idle-timeout")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "baton.session.absolute-timeout")
    Duration absoluteTimeout;

    @Inject
    @ConfigProperty(name = "baton.state.max-bytes")
    int stateMaxBytes;

    /** A session not used for this long has timed out. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** A session ends this long after it was opened, however busy. */
    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    public int stateMaxBytes() {
        return stateMaxBytes;
    }
}
