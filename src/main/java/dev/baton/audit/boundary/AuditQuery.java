package dev.baton.audit.boundary;

import dev.baton.audit.entity.AuditAction;
import java.time.Instant;
import java.util.Optional;

/**
 * The filters and page of an audit search, newest first; empty filters match everything. {@code user}
 * is the actor; {@code subject} the user someone else (an admin) acted upon.
 */
public record AuditQuery(Optional<String> user, Optional<String> session, Optional<String> device,
                         Optional<AuditAction> action, Optional<Instant> from, Optional<Instant> to, int page, int size,
                         Optional<String> subject) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public AuditQuery {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page from 0, size from 1 to " + MAX_SIZE);
        }
    }

    public AuditQuery(Optional<String> user, Optional<String> session, Optional<String> device, Optional<AuditAction> action,
                      Optional<Instant> from, Optional<Instant> to, int page, int size) {
        this(user, session, device, action, from, to, page, size, Optional.empty());
    }
}
