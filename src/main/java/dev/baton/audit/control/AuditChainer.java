package dev.baton.audit.control;

import dev.baton.audit.entity.AuditRecord;
import dev.baton.platform.time.Schedulers;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Links audit records into the chain after the transactions that wrote them have committed, many
 * at a time, so that a step never waits for the chain's head: a pass shortly after commits (one at
 * a time on a node; commits while it runs make it go round once more), and one every few seconds
 * for records whose node died before its pass. Passes of all nodes take turns on the head's lock;
 * each links every record committed before it began, in the order of their ids. A record committed
 * before another's transaction began therefore always comes first in the chain, on every node;
 * records of concurrent transactions come in either order. Readers of the chain
 * {@link #catchUp catch up} first. The sweep also writes {@link AuditCheckpoints checkpoints}.
 */
@ApplicationScoped
public class AuditChainer {

    private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());
    private static final int BATCH = 500;
    private static final long SWEEP_SECONDS = 5;
    /** How long a pass waits for more commits to link with the first: fewer, larger passes. */
    private static final long GATHER_MILLIS = 100;

    @Inject
    AuditLinks links;

    @Inject
    AuditCheckpoints checkpoints;

    @Resource
    ManagedScheduledExecutorService executor;

    private final AtomicBoolean due = new AtomicBoolean();
    private final AtomicBoolean passing = new AtomicBoolean();
    private ScheduledFuture<?> sweep;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            links.resealUnkeyed();
        } catch (RuntimeException e) {
            LOG.warning("The chain written before audit keys was not sealed (" + e + "); the next start tries again.");
        }
        sweep = Schedulers.orDefault(executor).scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecord record) {
        due.set(true);
        if (passing.compareAndSet(false, true)) {
            Schedulers.orDefault(executor).schedule(this::passes, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Links every record committed so far. */
    public void catchUp() {
        while (links.linkNext(BATCH) == BATCH) {
            // one more batch
        }
    }

    private void passes() {
        try {
            while (due.getAndSet(false)) {
                pass();
            }
        } finally {
            passing.set(false);
        }
        if (due.get() && passing.compareAndSet(false, true)) {
            Schedulers.orDefault(executor).schedule(this::passes, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        pass();
        try {
            checkpoints.writeIfDue();
        } catch (RuntimeException e) {
            LOG.warning("No audit checkpoint written (" + e + "); the next sweep tries again.");
        }
    }

    private void pass() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warning("Audit records not linked yet (" + e + "); the next pass tries again.");
        }
    }
}
