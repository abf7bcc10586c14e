package dev.baton.prohibition.control;

import dev.baton.prohibition.boundary.ProhibitionService;
import dev.baton.transfer.boundary.TransferService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Logger;

/**
 * The EJB timers of the flow. Each prohibition gets a single-action timer at its end; timers are
 * in memory (the database row is the truth) and re-armed for every unprocessed prohibition when
 * the node starts — one past its time fires at once. A sweep every few seconds expires transfers
 * and catches any prohibition whose timer was lost with its node.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProhibitionTimers {

    private static final Logger LOG = Logger.getLogger(ProhibitionTimers.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    ProhibitionService prohibitions;

    @Inject
    TransferService transfers;

    @PostConstruct
    void rearm() {
        var pending = prohibitions.unprocessed();
        pending.forEach(p -> arm(p.id(), p.until()));
        LOG.info(() -> "Re-armed " + pending.size() + " prohibition timer(s)");
    }

    /** Arms the end of a prohibition; inside a transaction, only if it commits. */
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
