package dev.baton.transfer.boundary;

import dev.baton.platform.Jsons;
import dev.baton.transfer.entity.Transfer;
import jakarta.json.JsonObject;

/** A transfer as clients see it (DESIGN.md §2). */
public final class TransferView {

    private TransferView() {
    }

    public static JsonObject of(Transfer transfer) {
        return Jsons.object(
                "id", transfer.id(),
                "sessionId", transfer.sessionId(),
                "sourceDeviceId", transfer.sourceDeviceId(),
                "targetDeviceId", transfer.targetDeviceId(),
                "status", transfer.status().name(),
                "requestedAt", transfer.createdAt(),
                "expiresAt", transfer.expiresAt());
    }
}
