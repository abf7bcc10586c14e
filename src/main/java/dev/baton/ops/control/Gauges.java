package dev.baton.ops.control;

import com.hazelcast.core.HazelcastInstance;
import dev.baton.events.control.EventHub;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The values {@code /metrics} reads as it is read: active prohibitions (the whole cluster's, from
 * the database, at most one query per {@link #PROHIBITIONS_FRESH}), open event streams and pooled
 * connections in use (this node's), members of the data grid (as this node sees it).
 */
@ApplicationScoped
public class Gauges {

    static final Duration PROHIBITIONS_FRESH = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(Gauges.class.getName());

    @Inject
    BatonMetrics metrics;

    @Inject
    EventHub events;

    @Inject
    ActiveProhibitions prohibitions;

    @Inject
    Clock clock;

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    private final PoolUsage pool = new PoolUsage();
    private volatile Instant prohibitionsAt = Instant.MIN;
    private volatile double activeProhibitions = Double.NaN;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge("baton_prohibitions_active", "prohibitions in force now, on the whole cluster (from the database)",
                this::activeProhibitions);
        metrics.gauge("baton_event_streams_open", "event streams open on this node", events::openStreams);
        metrics.gauge("baton_db_connections_in_use", "this node's pooled database connections in use now", pool::inUse);
        metrics.gauge("baton_grid_members", "members of the data grid, as this node sees it", this::gridMembers);
    }

    private double activeProhibitions() {
        Instant now = clock.instant();
        if (now.isAfter(prohibitionsAt.plus(PROHIBITIONS_FRESH))) {
            try {
                activeProhibitions = prohibitions.count(now);
            } catch (RuntimeException e) {
                LOG.fine(() -> "Active prohibitions not counted: " + e);
                activeProhibitions = Double.NaN;
            }
            prohibitionsAt = now;
        }
        return activeProhibitions;
    }

    private int gridMembers() {
        try {
            return grid.getLifecycleService().isRunning() ? grid.getCluster().getMembers().size() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
