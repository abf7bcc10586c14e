package dev.baton.transfer.boundary;

import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferDirection;
import dev.baton.transfer.entity.TransferStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A transfer as its devices see it, push or pull: never the session information, never the claim
 * code ({@link ClaimableTransfer} carries it, in the one answer that made it).
 */
@Schema(name = "Transfer", description = "A transfer of a session between two devices of the user's.")
public record TransferView(
        @Schema(example = "7c0b9f3e-1d2a-4b5c-9e8f-0a1b2c3d4e5f") String id,
        @Schema(description = "`push`: offered by the holder; `pull`: asked by the target, approved by the holder.")
        TransferDirection direction,
        String sessionId,
        @Schema(description = "The device holding the session.") String sourceDeviceId,
        @Schema(description = "The device the session moves to.") String targetDeviceId,
        TransferStatus status,
        Instant requestedAt,
        @Schema(description = "When the transfer expires unless completed; an approval starts it again.") Instant expiresAt) {

    public static TransferView of(Transfer transfer) {
        return new TransferView(transfer.id(), transfer.direction(), transfer.sessionId(), transfer.sourceDeviceId(),
                transfer.targetDeviceId(), transfer.status(), transfer.createdAt(), transfer.expiresAt());
    }
}
