package dev.baton.admin.boundary;

import dev.baton.session.entity.Session;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An active session of a user's as an admin sees it: never its state or its token. */
@Schema(name = "AdminUserSession", description = "An active session, without its state or token.")
public record UserSession(
        String id,
        @Schema(example = "portal") String application,
        @Schema(description = "The state's version, as the holder's `ETag` gives it.", example = "3") long version,
        String holderDeviceId,
        Instant createdAt,
        Instant lastActivityAt,
        @Schema(description = "When it ends unless used before.") Instant expiresAt) {

    static UserSession of(Session session, Duration idleTimeout) {
        return new UserSession(session.id(), session.application(), session.stateVersion(), session.holderDeviceId(),
                session.createdAt(), session.lastActivityAt(), session.expiresAt(idleTimeout));
    }
}
