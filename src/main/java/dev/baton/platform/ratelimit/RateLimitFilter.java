package dev.baton.platform.ratelimit;

import dev.baton.device.boundary.DeviceHeaders;
import dev.baton.platform.config.Settings;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import dev.baton.platform.security.Tokens;
import dev.baton.transfer.boundary.ClaimAttempt;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Right after the JWT and before the body is read or anything is looked up (DESIGN.md §3): so
 * claim attempts count whether or not the transfer exists.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    @Inject
    RateLimiter limiter;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String user = caller.actor().user();
        if (resource.getResourceMethod().isAnnotationPresent(ClaimAttempt.class)) {
            Rate claims = settings.claimRate();
            check(limiter.acquire("claim:user:" + user, claims));
            String deviceToken = request.getHeaderString(DeviceHeaders.DEVICE_TOKEN);
            if (deviceToken != null) {
                check(limiter.acquire("claim:device:" + Tokens.hash(deviceToken), claims));
            }
        }
        if (WRITES.contains(request.getMethod())) {
            check(limiter.acquire("write:user:" + user, settings.writeRate()));
        }
    }

    private static void check(Optional<Duration> wait) {
        wait.ifPresent(w -> {
            throw new BatonException(Problem.RATE_LIMITED, "Too many requests; retry later.", w, Map.of());
        });
    }
}
