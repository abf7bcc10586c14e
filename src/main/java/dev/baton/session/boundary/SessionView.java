package dev.baton.session.boundary;

import dev.baton.platform.json.Jsons;
import dev.baton.session.entity.Session;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as its holding device sees it: the {@link SessionSummary} and the state. */
@Schema(name = "Session", description = "A session with its state, as the device holding it reads it.")
public record SessionView(
        @Schema(example = "5b0e6f1c-2a7d-4c39-8f0e-6d1a2b3c4d5e") String id,
        @Schema(example = "portal") String application,
        @Schema(description = "The state's version, 1 when opened, one up with each update; the `ETag`.", example = "3") long version,
        @Schema(description = "The device holding the session.", example = "0d11c2f4-5d5e-4f1a-9b7e-2b1f0c9e8a31") String holderDeviceId,
        Instant createdAt,
        Instant lastActivityAt,
        @Schema(description = "When the session stops being active unless it is used again.") Instant expiresAt,
        @Schema(description = "The application's state, any JSON object.", example = "{\"form\": \"loan-42\", \"step\": 3}")
        JsonObject state) {

    public static SessionView of(Session session, Duration idleTimeout) {
        SessionSummary summary = SessionSummary.of(session, idleTimeout);
        return new SessionView(summary.id(), summary.application(), summary.version(), summary.holderDeviceId(),
                summary.createdAt(), summary.lastActivityAt(), summary.expiresAt(), Jsons.stored(session.state()));
    }
}
