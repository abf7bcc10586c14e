package dev.baton.platform.listener;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpServerFilter;

/**
 * Puts Baton's probes on Payara's HTTP listeners as the application starts and takes them off as
 * it stops. Without them Baton still serves, with the listener's own behaviour: that is a SEVERE
 * line in the log, never a failed start.
 */
@WebListener
public class ListenerHooks implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ListenerHooks.class.getName());

    private final HttpProbe upgradeGuard = new UpgradeGuard();
    private List<HttpServerFilter> codecs = List.of();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            codecs = PayaraListeners.codecs(event.getServletContext());
            codecs.forEach(codec -> codec.getMonitoringConfig().addProbes(upgradeGuard));
            LOG.info(() -> "Listener hooks on " + codecs.size() + " HTTP listener(s)");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "Payara's HTTP listener not found where Baton looks for it (" + e
                    + "): h2c upgrades of requests with a body are not declined; curl --http2 may get no answer to them", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        codecs.forEach(codec -> codec.getMonitoringConfig().removeProbes(upgradeGuard));
    }
}
