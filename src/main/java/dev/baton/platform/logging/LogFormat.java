package dev.baton.platform.logging;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * JSON log lines on the console also where Baton runs without its launcher (the WAR on the
 * Payara Micro image of {@code docker/}): at deployment, when {@code baton.log.format} is
 * {@code json}, the console handlers get {@link BatonLogFormatter} in JSON, unless the launcher put
 * it there before the boot; their own formatters come back when the application stops. With
 * {@code text} the console keeps Payara's own lines, which tools reading a server's output (the
 * Arquillian container among them) parse.
 */
@WebListener
public class LogFormat implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(LogFormat.class.getName());

    @Inject
    @ConfigProperty(name = "baton.log.format")
    String format;

    private final Map<Handler, Formatter> replaced = new HashMap<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!BatonLogFormatter.JSON.equalsIgnoreCase(format.trim())) {
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler && !(handler.getFormatter() instanceof BatonLogFormatter)) {
                replaced.put(handler, handler.getFormatter());
                handler.setFormatter(new BatonLogFormatter(BatonLogFormatter.JSON));
            }
        }
        if (!replaced.isEmpty()) {
            LOG.info(() -> "Console log lines in JSON from now on");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        replaced.forEach(Handler::setFormatter);
        replaced.clear();
    }
}
