package dev.baton.session.boundary;

import dev.baton.session.entity.Session;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A session as any device of its owner's sees it in a list: never its state nor its token, which
 * only the holding device reads ({@link SessionView}).
 */
@Schema(description = "An active session of the user's, without its state.")
public record SessionSummary(
        @Schema(example = "5b0e6f1c-2a7d-4c39-8f0e-6d1a2b3c4d5e") String id,
        @Schema(example = "portal") String application,
        @Schema(description = "The state's version, 1 when opened, one up with each update; the `ETag`.", example = "3") long version,
        @Schema(description = "The device holding the session.", example = "0d11c2f4-5d5e-4f1a-9b7e-2b1f0c9e8a31") String holderDeviceId,
        Instant createdAt,
        Instant lastActivityAt,
        @Schema(description = "When the session stops being active unless it is used again: its idle timeout after"
                + " the last activity, and never after its absolute timeout.") Instant expiresAt) {

    public static SessionSummary of(Session session, Duration idleTimeout) {
        return new SessionSummary(session.id(), session.application(), session.stateVersion(), session.holderDeviceId(),
                session.createdAt(), session.lastActivityAt(), session.expiresAt(idleTimeout));
    }
}
