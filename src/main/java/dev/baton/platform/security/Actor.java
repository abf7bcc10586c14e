package dev.baton.platform.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the JWT subject, its groups, when the user last signed in (OIDC {@code auth_time},
 * else the token's {@code iat}), and the address the call came from (for the audit).
 */
public record Actor(String user, Set<String> groups, Instant signedInAt, String address) {

    public static final String USER = "baton-user";
    public static final String ADMIN = "baton-admin";
    public static final String AUDITOR = "baton-auditor";

    public Actor {
        Objects.requireNonNull(user);
        groups = Set.copyOf(groups);
        Objects.requireNonNull(signedInAt);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }
}
