package dev.baton.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The first check of every API call. MicroProfile JWT has already verified signature, issuer,
 * audience and expiry (a bad token never gets here: the container answers 401 through
 * {@link ErrorPageServlet}); this adds what it leaves out — a subject, an {@code iat} that is not in
 * the future — and the role.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    JsonWebToken jwt;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (jwt == null || jwt.getRawToken() == null || blank(jwt.getSubject())) {
            throw new BatonException(Problem.UNAUTHENTICATED, "A valid bearer token is required.");
        }
        long iat = jwt.getIssuedAtTime();
        Instant issuedAt = Instant.ofEpochSecond(iat);
        if (iat <= 0 || issuedAt.isAfter(clock.instant().plus(settings.clockSkew()))) {
            throw new BatonException(Problem.UNAUTHENTICATED, "The token's issue time is missing or in the future.");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        Actor actor = new Actor(jwt.getSubject(), groups, issuedAt, request.getRemoteAddr());
        if (Arrays.stream(requiredRoles()).noneMatch(groups::contains)) {
            throw new BatonException(Problem.FORBIDDEN, "The token lacks the role for this call.");
        }
        caller.set(actor);
    }

    private String[] requiredRoles() {
        Authenticated onMethod = resource.getResourceMethod().getAnnotation(Authenticated.class);
        return (onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Authenticated.class)).anyRole();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
