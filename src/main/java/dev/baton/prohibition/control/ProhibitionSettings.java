package dev.baton.prohibition.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long a device that handed its session on stays out of it. Default in {@code META-INF/microprofile-config.properties}. */
@ApplicationScoped
public class ProhibitionSettings {

    @Inject
    @ConfigProperty(name = "baton.prohibition.period")
    Duration period;

    public Duration period() {
        return period;
    }
}
