package dev.baton.platform.http;

import dev.baton.platform.security.Authenticated;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For Baton's own tests only: with {@code baton.test.faults=true} a call carrying
 * {@value #HEADER} fails with an unexpected exception after authentication, so that a test can see
 * how a 500 is answered and logged. Off by default, and then the header means nothing.
 */
@Provider
@Authenticated
@Priority(Priorities.USER)
public class TestFaults implements ContainerRequestFilter {

    static final String HEADER = "Baton-Test-Fault";

    @Inject
    @ConfigProperty(name = "baton.test.faults")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled && request.getHeaderString(HEADER) != null) {
            throw new IllegalStateException("Fault provoked by the " + HEADER + " header");
        }
    }
}
