package dev.baton.platform.security;

import dev.baton.platform.net.ClientAddresses;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/** The first check of every API call: a verified access token (RFC 6750 bearer), then the role. */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    AccessTokens tokens;

    @Inject
    Caller caller;

    @Inject
    ClientAddresses addresses;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw AccessTokens.missing();
        }
        AccessToken token = tokens.verify(authorization.substring(BEARER.length()).trim());
        // Known from here on, so that a refusal for a missing role is counted against the user.
        caller.set(new Actor(token.subject(), token.groups(), token.signedInAt(), addresses.of(request)));
        if (Arrays.stream(requiredRoles()).noneMatch(token.groups()::contains)) {
            throw new BatonException(Problem.FORBIDDEN, "The token lacks the role for this call.");
        }
    }

    private String[] requiredRoles() {
        Authenticated onMethod = resource.getResourceMethod().getAnnotation(Authenticated.class);
        return (onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Authenticated.class)).anyRole();
    }
}
