package dev.baton.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the JWT subject, its groups, when the token was issued, and the address the call
 * came from (for the audit).
 */
public record Actor(String user, Set<String> groups, Instant issuedAt, String address) {

    public static final String USER = "baton-user";
    public static final String ADMIN = "baton-admin";
    public static final String AUDITOR = "baton-auditor";

    public Actor {
        Objects.requireNonNull(user);
        groups = Set.copyOf(groups);
        Objects.requireNonNull(issuedAt);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }
}
