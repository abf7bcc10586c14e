package dev.baton.ops.control;

import dev.baton.platform.persistence.DataSources;
import jakarta.servlet.Servlet;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * How many of Baton's pooled database connections are in use now, as Payara's connection pool
 * counts them. Payara has no public API for it: this asks its pool manager (an internal service,
 * reached by reflection) for the status of the pool of {@link DataSources#JNDI}. Should Payara's
 * insides move, the value is NaN and the log says so once; nothing else depends on it.
 */
final class PoolUsage {

    private static final Logger LOG = Logger.getLogger(PoolUsage.class.getName());
    private static final String POOL_NAME_PART = DataSources.JNDI.substring(DataSources.JNDI.indexOf(':') + 1);

    private volatile boolean broken;
    private Object manager;
    private Method status;

    /** Connections in use, or NaN when Payara's pool cannot be read. */
    double inUse() {
        if (broken) {
            return Double.NaN;
        }
        try {
            return find().map(this::used).orElse(Double.NaN);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            broken = true;
            LOG.warning("Payara's connection pool cannot be read (" + e + "): baton_db_connections_in_use is NaN");
            return Double.NaN;
        }
    }

    private Optional<Object> find() throws ReflectiveOperationException {
        ClassLoader payara = Servlet.class.getClassLoader();
        if (manager == null) {
            Object locator = Class.forName("org.glassfish.internal.api.Globals", true, payara).getMethod("getDefaultBaseServiceLocator")
                    .invoke(null);
            Class<?> type = Class.forName("com.sun.enterprise.resource.pool.PoolManager", true, payara);
            manager = Class.forName("org.glassfish.hk2.api.ServiceLocator", true, payara)
                    .getMethod("getService", Class.class, Annotation[].class).invoke(locator, type, new Annotation[0]);
            status = type.getMethod("getPoolStatus", Class.forName("org.glassfish.resourcebase.resources.api.PoolInfo", true, payara));
        }
        Field table = manager.getClass().getDeclaredField("poolTable");
        table.setAccessible(true);
        for (Object info : ((Map<?, ?>) table.get(manager)).keySet()) {
            if (String.valueOf(info).contains(POOL_NAME_PART)) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    private double used(Object poolInfo) {
        try {
            Object poolStatus = status.invoke(manager, poolInfo);
            return ((Number) poolStatus.getClass().getMethod("getNumConnUsed").invoke(poolStatus)).doubleValue();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
