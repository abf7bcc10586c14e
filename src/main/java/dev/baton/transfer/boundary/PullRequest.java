package dev.baton.transfer.boundary;

import dev.baton.platform.json.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /transfers}: the session the calling device asks for. It names no target:
 * the caller is the target, so a {@code targetDeviceId} is refused as an unknown member.
 */
@Schema(description = "The session to continue on the calling device. A push names its target at"
        + " `/api/v1/sessions/{id}/transfers` instead; `targetDeviceId` here is refused.")
public record PullRequest(
        @Text(max = 64) @Schema(maxLength = 64, example = "9a4c1e77-2b3d-4c5e-8f60-1a2b3c4d5e6f") String sessionId) {
}
