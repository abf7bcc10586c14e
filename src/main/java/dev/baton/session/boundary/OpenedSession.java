package dev.baton.session.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to opening a session: the session as {@link SessionView} shows it, plus its session
 * token, shown this once (Baton keeps only its hash).
 */
@Schema(description = "A session just opened, with its token.")
public record OpenedSession(
        @Schema(example = "5b0e6f1c-2a7d-4c39-8f0e-6d1a2b3c4d5e") String id,
        @Schema(example = "portal") String application,
        @Schema(description = "The state's version: 1; the `ETag`.", example = "1") long version,
        @Schema(description = "The device holding the session: the one that opened it.",
                example = "0d11c2f4-5d5e-4f1a-9b7e-2b1f0c9e8a31") String holderDeviceId,
        Instant createdAt,
        Instant lastActivityAt,
        @Schema(description = "When the session stops being active unless it is used again.") Instant expiresAt,
        @Schema(description = "The application's state, as sent.", example = "{\"form\": \"loan-42\", \"step\": 3}") JsonObject state,
        @Schema(description = "The session token, for `Baton-Session-Token`: shown this once, never again.") String sessionToken) {

    static OpenedSession of(SessionView view, String sessionToken) {
        return new OpenedSession(view.id(), view.application(), view.version(), view.holderDeviceId(), view.createdAt(),
                view.lastActivityAt(), view.expiresAt(), view.state(), sessionToken);
    }
}
