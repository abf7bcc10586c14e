package dev.baton.transfer.boundary;

import dev.baton.platform.json.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /sessions/{id}/transfers}: the device of the user's the holder offers its session to. */
@Schema(description = "The device to offer the session to. Unknown, repeated or wrongly typed members are refused.")
public record PushRequest(
        @Text(max = 64) @Schema(maxLength = 64, description = "One of the user's devices, not the holder.",
                example = "5b0e7a52-9c1d-4f4e-8a63-0c7d2e1f9b44") String targetDeviceId) {
}
