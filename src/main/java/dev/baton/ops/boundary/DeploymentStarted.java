package dev.baton.ops.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** {@code /health/started}: down until the application's deployment has finished (its start-up beans have run). */
@Startup
@ApplicationScoped
public class DeploymentStarted implements HealthCheck {

    private volatile boolean started;

    void deployed(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("deployment").status(started).build();
    }
}
