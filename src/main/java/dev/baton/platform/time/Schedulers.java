package dev.baton.platform.time;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's default managed scheduler, for beans that schedule work. An injected one has been seen
 * null when the bean is first made by a start's EJB work (a prohibition that lapsed while the node
 * was down, ending at deployment), which failed the deployment; then it is looked up instead.
 */
public final class Schedulers {

    private Schedulers() {
    }

    /** {@code injected}, or the default scheduler looked up when it is null. */
    public static ManagedScheduledExecutorService orDefault(ManagedScheduledExecutorService injected) {
        if (injected != null) {
            return injected;
        }
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        } catch (NamingException e) {
            throw new IllegalStateException("No managed scheduler", e);
        }
    }
}
