package dev.baton.transfer.boundary;

import dev.baton.device.boundary.DeviceHeaders;
import dev.baton.platform.ratelimit.Rate;
import dev.baton.platform.ratelimit.RateLimiter;
import dev.baton.platform.security.Caller;
import dev.baton.platform.security.Tokens;
import dev.baton.transfer.control.TransferSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Claim attempts per user and per device token, counted right after the JWT and before the body is
 * read or anything is looked up: so guesses count whether or not the transfer exists, and a second
 * device of the same user does not buy more. Runs before the write limit of every POST.
 */
@Provider
@ClaimAttempt
@Priority(Priorities.AUTHENTICATION + 100)
public class ClaimRateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimiter limiter;

    @Inject
    Caller caller;

    @Inject
    TransferSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        Rate claims = settings.claimRate();
        limiter.check("claim:user:" + caller.actor().user(), claims);
        String deviceToken = request.getHeaderString(DeviceHeaders.DEVICE_TOKEN);
        if (deviceToken != null) {
            limiter.check("claim:device:" + Tokens.hash(deviceToken), claims);
        }
    }
}
