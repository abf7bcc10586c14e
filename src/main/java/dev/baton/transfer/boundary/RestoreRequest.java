package dev.baton.transfer.boundary;

import dev.baton.platform.json.Text;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /sessions/{id}/restore}. {@code sessionInfo} is bound as any JSON value so
 * that a missing or non-object one is {@code session-info-invalid}, as a differing one is, rather
 * than a malformed request.
 */
@Schema(description = "The restore token and exactly the session information the claim answered.")
public record RestoreRequest(
        @Text(max = 128) @Schema(maxLength = 128, description = "The claim's `restoreToken`.") String restoreToken,
        @Schema(type = SchemaType.OBJECT, description = "The claim's `sessionInfo`, unchanged.",
                example = "{\"portal\":\"loan-42\"}") JsonValue sessionInfo) {

    /** The session information, if it is a JSON object. */
    Optional<JsonObject> sessionInfoObject() {
        return sessionInfo instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    }
}
