package dev.baton.platform.http;

import dev.baton.platform.security.AuthenticationFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Baton's HTTP API. Callers are authenticated by {@link AuthenticationFilter}, not by the container. */
@ApplicationPath("/")
@ApplicationScoped
public class BatonApplication extends Application {

    /** No generated WADL: OPTIONS answers with {@code Allow} only, describing nothing else. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
