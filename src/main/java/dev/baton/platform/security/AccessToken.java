package dev.baton.platform.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A verified access token: its subject, its groups, and when the user last signed in — the OIDC
 * {@code auth_time} when the token carries it, else its {@code iat}. A refresh grant renews
 * {@code iat} without a sign-in, so only {@code auth_time} tells a fresh sign-in from a refresh.
 */
public record AccessToken(String subject, Set<String> groups, Instant signedInAt) {

    public AccessToken {
        Objects.requireNonNull(subject);
        groups = Set.copyOf(groups);
        Objects.requireNonNull(signedInAt);
    }
}
