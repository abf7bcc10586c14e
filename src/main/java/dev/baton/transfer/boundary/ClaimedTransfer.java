package dev.baton.transfer.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a claim: the session information and the restore token that, with it, restores the session. */
@Schema(description = "A transfer claimed: what the target device needs to restore the session.")
public record ClaimedTransfer(
        String sessionId,
        @Schema(description = "The session information the source sent, to send back unchanged at restore.",
                example = "{\"portal\":\"loan-42\"}") JsonObject sessionInfo,
        @Schema(description = "For the restore, once, before `expiresAt`.") String restoreToken,
        Instant expiresAt) {
}
