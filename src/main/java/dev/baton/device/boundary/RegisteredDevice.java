package dev.baton.device.boundary;

import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKind;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * The answer to a registration: the device as {@link DeviceView} shows it, plus its device token,
 * shown this once and never again (Baton keeps only its hash).
 */
public record RegisteredDevice(
        String id,
        String name,
        DeviceKind kind,
        String platform,
        Device.Status status,
        JsonObject publicKey,
        Instant registeredAt,
        Instant lastSeenAt,
        String deviceToken) {

    static RegisteredDevice of(DeviceView view, String deviceToken) {
        return new RegisteredDevice(view.id(), view.name(), view.kind(), view.platform(), view.status(), view.publicKey(),
                view.registeredAt(), view.lastSeenAt(), deviceToken);
    }
}
