package dev.baton.prohibition.control;

import dev.baton.platform.cluster.Grid;
import dev.baton.prohibition.boundary.ProhibitionService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The EJB timers of the flow. Each prohibition gets a single-action timer at its end on every node
 * of the cluster, so the end comes on time even when the node that stored it has died; the
 * database's conditional update lets exactly one of them act. A node learns of a prohibition from
 * the data grid as soon as it commits, and from the database: at start and at every sweep it arms
 * every unprocessed prohibition that ends within {@link #LOOK_AHEAD} — so an announcement lost
 * with a node that died just after its commit still ends on time. Timers are in memory (the
 * database row is the truth); one past its time fires at once. The sweep every few seconds also
 * ends any prohibition past its time that no timer has ended.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProhibitionTimers {

    private static final Logger LOG = Logger.getLogger(ProhibitionTimers.class.getName());
    private static final String TOPIC = "baton-prohibitions";
    /** Three sweeps ahead: a prohibition is armed from the database before it ends, even if a sweep is late. */
    static final Duration LOOK_AHEAD = Duration.ofSeconds(15);

    @Resource
    TimerService timerService;

    @Inject
    ProhibitionService prohibitions;

    @Inject
    Grid grid;

    @Resource
    SessionContext ejb;

    @Inject
    Clock clock;

    private final Set<String> armed = ConcurrentHashMap.newKeySet();
    private UUID subscription;

    @PostConstruct
    void rearm() {
        ProhibitionTimers self = ejb.getBusinessObject(ProhibitionTimers.class);
        subscription = grid.subscribe(TOPIC, message -> {
            ProhibitionStarted started = ProhibitionStarted.parse(message);
            self.arm(started.id(), started.until());
        });
        int rearmed = armAhead();
        LOG.info(() -> "Re-armed " + rearmed + " prohibition timer(s)");
    }

    @PreDestroy
    void stopListening() {
        grid.unsubscribe(TOPIC, subscription);
    }

    /** Tells every node, this one included, to arm the end of a prohibition that has committed. */
    public void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProhibitionStarted started) {
        grid.broadcast(TOPIC, started.message());
    }

    /** Arms the end of a prohibition on this node, unless it is armed here already. */
    public void arm(String prohibitionId, Instant until) {
        if (armed.add(prohibitionId)) {
            timerService.createSingleActionTimer(Date.from(until), new TimerConfig(prohibitionId, false));
        }
    }

    /** Ends the prohibition; a timer that fired a little early is armed again for the rest. */
    @Timeout
    void ended(Timer timer) {
        String id = (String) timer.getInfo();
        armed.remove(id);
        if (!prohibitions.end(id)) {
            prohibitions.pendingUntil(id).ifPresent(until -> arm(id, until));
        }
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void sweep() {
        prohibitions.endDue();
        armAhead();
    }

    private int armAhead() {
        var pending = prohibitions.unprocessedBefore(clock.instant().plus(LOOK_AHEAD));
        pending.forEach(p -> arm(p.id(), p.until()));
        return pending.size();
    }
}
