package dev.baton.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/** Baton's HTTP API; a CDI bean so that MicroProfile JWT can inject the caller's token. */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
public class BatonApplication extends Application {

    /** No generated WADL: OPTIONS answers with {@code Allow} only, describing nothing else. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
