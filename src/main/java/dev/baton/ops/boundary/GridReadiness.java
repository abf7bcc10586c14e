package dev.baton.ops.boundary;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while Payara's data grid runs on this node: rate limits, proof replay checks and events
 * between nodes live there. Reports how many members this node sees.
 */
@Readiness
@ApplicationScoped
public class GridReadiness implements HealthCheck {

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    @Override
    public HealthCheckResponse call() {
        try {
            boolean running = grid.getLifecycleService().isRunning();
            return HealthCheckResponse.named("data-grid").status(running)
                    .withData("members", running ? grid.getCluster().getMembers().size() : 0).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("data-grid").down().build();
        }
    }
}
