package dev.baton.device.boundary;

import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKey;
import dev.baton.device.entity.DeviceKind;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A device as clients see it: never its token, only the hash of which Baton keeps. Every member is
 * present, {@code null} where there is none ({@code publicKey}, {@code lastSeenAt}); enums in
 * lower case.
 */
@Schema(name = "Device", description = "A device of the user's.")
public record DeviceView(
        @Schema(example = "0d11c2f4-5d5e-4f1a-9b7e-2b1f0c9e8a31") String id,
        @Schema(example = "Alice's phone") String name,
        DeviceKind kind,
        @Schema(example = "Android 15") String platform,
        Device.Status status,
        @Schema(nullable = true, description = "The public JWK the device proves its calls with, if it registered one.") JsonObject publicKey,
        Instant registeredAt,
        @Schema(nullable = true, description = "The last call the device made, if any.") Instant lastSeenAt) {

    public static DeviceView of(Device device) {
        return new DeviceView(device.id(), device.name(), device.kind(), device.platform(), device.status(),
                device.key().map(DeviceKey::jwk).orElse(null), device.registeredAt(), device.lastSeenAt());
    }
}
