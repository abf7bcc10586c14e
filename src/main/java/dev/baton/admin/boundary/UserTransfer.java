package dev.baton.admin.boundary;

import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferDirection;
import dev.baton.transfer.entity.TransferStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An open transfer of a user's as an admin sees it: never its claim code or the session information. */
@Schema(name = "AdminUserTransfer", description = "An open transfer, without its code.")
public record UserTransfer(
        String id,
        TransferDirection direction,
        String sessionId,
        String sourceDeviceId,
        String targetDeviceId,
        TransferStatus status,
        Instant requestedAt,
        Instant expiresAt) {

    static UserTransfer of(Transfer transfer) {
        return new UserTransfer(transfer.id(), transfer.direction(), transfer.sessionId(), transfer.sourceDeviceId(),
                transfer.targetDeviceId(), transfer.status(), transfer.createdAt(), transfer.expiresAt());
    }
}
