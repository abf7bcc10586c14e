package dev.baton.transfer.boundary;

import dev.baton.prohibition.entity.Prohibition;
import dev.baton.session.boundary.SessionView;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a restore: the session as its holder sees it, now held by the caller, with its new
 * session token (shown this once), the device it left and until when that device is kept out.
 */
@Schema(description = "The session, restored on the calling device: with its state and its new token.")
public record RestoredSession(
        @Schema(example = "9a4c1e77-2b3d-4c5e-8f60-1a2b3c4d5e6f") String id,
        @Schema(example = "loans") String application,
        @Schema(description = "The version of the state, as the `ETag` of the session gives it.", example = "3") long version,
        @Schema(description = "The calling device, now.") String holderDeviceId,
        Instant createdAt,
        Instant lastActivityAt,
        Instant expiresAt,
        @Schema(example = "{\"form\":\"loan-42\"}") JsonObject state,
        @Schema(description = "The session's new token, for `Baton-Session-Token`: shown this once; the old one is dead.")
        String sessionToken,
        @Schema(description = "The device the session left.") String previousDeviceId,
        @Schema(description = "Until when the previous device is kept out of the session.") Instant prohibitedUntil) {

    static RestoredSession of(SessionView view, String sessionToken, Prohibition prohibition) {
        return new RestoredSession(view.id(), view.application(), view.version(), view.holderDeviceId(), view.createdAt(),
                view.lastActivityAt(), view.expiresAt(), view.state(), sessionToken, prohibition.deviceId(), prohibition.untilAt());
    }
}
