package dev.baton.audit.control;

import dev.baton.platform.problem.Refused;
import dev.baton.platform.time.Schedulers;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audits the refusals no step audits on its own ({@link Refused}): not one record each, but, every
 * {@code baton.audit.refusal-window}, one {@code REQUESTS_REFUSED} record per caller and reason
 * with the count, e.g. reason {@code unauthenticated ×312}. An attacker's flood costs the audit a
 * bounded number of records per window ({@link RefusalCounts#MAX_KEYS} and one per reason).
 */
@ApplicationScoped
public class RefusalTally {

    private static final Logger LOG = Logger.getLogger(RefusalTally.class.getName());

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "baton.audit.refusal-window")
    Duration window;

    @Resource
    ManagedScheduledExecutorService executor;

    private final RefusalCounts counts = new RefusalCounts();
    private ScheduledFuture<?> flushes;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        flushes = Schedulers.orDefault(executor).scheduleAtFixedRate(this::flush, window.toMillis(), window.toMillis(), TimeUnit.MILLISECONDS);
    }

    void count(@Observes Refused refused) {
        counts.add(refused.user(), refused.address(), refused.code());
    }

    @PreDestroy
    void stop() {
        if (flushes != null) {
            flushes.cancel(false);
        }
        flush();
    }

    private void flush() {
        var drained = counts.drain();
        if (drained.isEmpty()) {
            return;
        }
        try {
            audit.refusals(drained);
        } catch (RuntimeException e) {
            LOG.warning("Refusals of the last window not audited (" + e + "): " + drained.size() + " caller(s) and reason(s)");
        }
    }
}
