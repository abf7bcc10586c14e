package dev.baton.platform.listener;

import jakarta.servlet.ServletContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.grizzly.http.HttpServerFilter;

/**
 * The HTTP codec filters of Payara's running network listeners, found through Payara's internals
 * (HK2's service locator, {@code GrizzlyService}, {@code GrizzlyProxy}, {@code GenericGrizzlyListener}
 * of Payara 6.2025.10), by reflection: Baton cannot compile against them. Any of them moved is a
 * {@link ReflectiveOperationException} for the caller to report.
 */
final class PayaraListeners {

    /** Where Payara's web container puts its HK2 service locator for an application. */
    private static final String LOCATOR = "org.glassfish.servlet.habitat";

    private PayaraListeners() {
    }

    static List<HttpServerFilter> codecs(ServletContext context) throws ReflectiveOperationException {
        Object locator = context.getAttribute(LOCATOR);
        if (locator == null) {
            throw new ClassNotFoundException("no " + LOCATOR + " in the servlet context");
        }
        ClassLoader server = locator.getClass().getClassLoader();
        Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator", false, server);
        Class<?> serviceType = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", false, server);
        Class<?> configType = Class.forName("org.glassfish.grizzly.config.dom.NetworkListener", false, server);
        Object service = locatorType.getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, serviceType, new Annotation[0]);
        List<?> configs = (List<?>) locatorType.getMethod("getAllServices", Class.class, Annotation[].class)
                .invoke(locator, configType, new Annotation[0]);
        Method proxyOf = serviceType.getMethod("lookupNetworkProxy", configType);
        List<HttpServerFilter> codecs = new ArrayList<>();
        for (Object config : configs) {
            Object proxy = proxyOf.invoke(service, config);
            if (proxy == null) {
                continue; // a disabled listener
            }
            Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            for (Object filter : (List<?>) listener.getClass().getMethod("getFilters", Class.class).invoke(listener, HttpServerFilter.class)) {
                codecs.add((HttpServerFilter) filter);
            }
        }
        if (codecs.isEmpty()) {
            throw new NoSuchFieldException("no HTTP codec filter in " + configs.size() + " network listeners");
        }
        return codecs;
    }
}
