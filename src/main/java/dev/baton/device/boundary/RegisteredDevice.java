package dev.baton.device.boundary;

import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKind;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a registration: the device as {@link DeviceView} shows it, plus its device token,
 * shown this once and never again (Baton keeps only its hash).
 */
@Schema(description = "A device just registered, with its token.")
public record RegisteredDevice(
        @Schema(example = "0d11c2f4-5d5e-4f1a-9b7e-2b1f0c9e8a31") String id,
        @Schema(example = "Alice's phone") String name,
        DeviceKind kind,
        @Schema(example = "Android 15") String platform,
        Device.Status status,
        @Schema(nullable = true) JsonObject publicKey,
        Instant registeredAt,
        @Schema(nullable = true) Instant lastSeenAt,
        @Schema(description = "The device token, for `Baton-Device-Token`: shown this once, never again.") String deviceToken) {

    static RegisteredDevice of(DeviceView view, String deviceToken) {
        return new RegisteredDevice(view.id(), view.name(), view.kind(), view.platform(), view.status(), view.publicKey(),
                view.registeredAt(), view.lastSeenAt(), deviceToken);
    }
}
