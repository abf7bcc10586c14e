package dev.baton.platform.ratelimit;

import dev.baton.platform.config.Settings;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Writes per user ({@code baton.rate-limit.write}), counted right after the JWT and before the body
 * is read or anything is looked up, so a refused write costs Baton nothing more. A feature's own
 * limits (claim attempts) run just before this one.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION + 110)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    @Inject
    RateLimiter limiter;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (WRITES.contains(request.getMethod())) {
            limiter.check("write:user:" + caller.actor().user(), settings.writeRate());
        }
    }
}
