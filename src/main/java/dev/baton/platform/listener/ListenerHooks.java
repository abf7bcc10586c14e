package dev.baton.platform.listener;

import dev.baton.platform.config.Settings;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.problem.ProblemAnswered;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpServerFilter;

/**
 * Puts Baton's probes on Payara's HTTP listeners as the application starts ({@link UpgradeGuard},
 * {@link HeaderDeadline}, whose expiry it runs about once a second) and takes them off as it stops.
 * Without them Baton still serves, with the listener's own behaviour: that is a SEVERE line in the
 * log, never a failed start.
 */
@WebListener
public class ListenerHooks implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ListenerHooks.class.getName());

    @Inject
    Settings settings;

    @Inject
    Event<ProblemAnswered> answered;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private List<HttpServerFilter> codecs = List.of();
    private List<HttpProbe> probes = List.of();
    private ScheduledFuture<?> expiry;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            codecs = PayaraListeners.codecs(event.getServletContext());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "Payara's HTTP listener not found where Baton looks for it (" + e + "): h2c upgrades of"
                    + " requests with a body are not declined (curl --http2 may get no answer to them), and slow headers are not cut off", e);
            return;
        }
        Duration timeout = settings.requestHeaderTimeout();
        HeaderDeadline deadline = new HeaderDeadline(timeout, () -> answered.fire(new ProblemAnswered(Problem.REQUEST_TIMEOUT)));
        probes = List.of(new UpgradeGuard(), deadline);
        codecs.forEach(codec -> codec.getMonitoringConfig().addProbes(probes.toArray(HttpProbe[]::new)));
        long tick = Math.max(100, Math.min(1000, timeout.toMillis() / 10));
        expiry = scheduler.scheduleWithFixedDelay(deadline::expire, tick, tick, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Listener hooks on " + codecs.size() + " HTTP listener(s); request headers within " + timeout);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (expiry != null) {
            expiry.cancel(false);
        }
        codecs.forEach(codec -> codec.getMonitoringConfig().removeProbes(probes.toArray(HttpProbe[]::new)));
    }
}
