package dev.baton.device.boundary;

import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKey;
import dev.baton.device.entity.DeviceKind;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A device as clients see it: never its token, only the hash of which Baton keeps. Every member is
 * present, {@code null} where there is none ({@code publicKey}, {@code lastSeenAt}); enums in
 * lower case.
 */
public record DeviceView(
        String id,
        String name,
        DeviceKind kind,
        String platform,
        Device.Status status,
        JsonObject publicKey,
        Instant registeredAt,
        Instant lastSeenAt) {

    public static DeviceView of(Device device) {
        return new DeviceView(device.id(), device.name(), device.kind(), device.platform(), device.status(),
                device.key().map(DeviceKey::jwk).orElse(null), device.registeredAt(), device.lastSeenAt());
    }
}
