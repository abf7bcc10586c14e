package dev.baton.prohibition.control;

import dev.baton.platform.Grid;
import dev.baton.prohibition.boundary.ProhibitionService;
import dev.baton.transfer.boundary.TransferService;
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
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The EJB timers of the flow. Each prohibition gets a single-action timer at its end on every node
 * of the cluster (the restore is announced over the data grid), so the end comes on time even when
 * the node that stored it has died; the database's conditional update lets exactly one of them
 * act. Timers are in memory (the database row is the truth) and re-armed for every unprocessed
 * prohibition when a node starts — one past its time fires at once. A sweep every few seconds
 * expires transfers and catches any prohibition whose timers were all lost.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProhibitionTimers {

    private static final Logger LOG = Logger.getLogger(ProhibitionTimers.class.getName());
    private static final String TOPIC = "baton-prohibitions";

    @Resource
    TimerService timerService;

    @Inject
    ProhibitionService prohibitions;

    @Inject
    TransferService transfers;

    @Inject
    Grid grid;

    @Resource
    SessionContext ejb;

    private UUID subscription;

    @PostConstruct
    void rearm() {
        ProhibitionTimers self = ejb.getBusinessObject(ProhibitionTimers.class);
        subscription = grid.subscribe(TOPIC, message -> {
            ProhibitionStarted started = ProhibitionStarted.parse(message);
            self.arm(started.id(), started.until());
        });
        var pending = prohibitions.unprocessed();
        pending.forEach(p -> arm(p.id(), p.until()));
        LOG.info(() -> "Re-armed " + pending.size() + " prohibition timer(s)");
    }

    @PreDestroy
    void stopListening() {
        grid.unsubscribe(TOPIC, subscription);
    }

    /** Tells every node, this one included, to arm the end of a prohibition that has committed. */
    public void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProhibitionStarted started) {
        grid.broadcast(TOPIC, started.message());
    }

    /** Arms the end of a prohibition on this node. */
    public void arm(String prohibitionId, Instant until) {
        timerService.createSingleActionTimer(Date.from(until), new TimerConfig(prohibitionId, false));
    }

    /** Ends the prohibition; a timer that fired a little early is armed again for the rest. */
    @Timeout
    void ended(Timer timer) {
        String id = (String) timer.getInfo();
        if (!prohibitions.end(id)) {
            prohibitions.pendingUntil(id).ifPresent(until -> arm(id, until));
        }
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void sweep() {
        transfers.expireDue();
        prohibitions.endDue();
    }
}
