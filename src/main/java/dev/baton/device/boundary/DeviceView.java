package dev.baton.device.boundary;

import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKey;
import dev.baton.platform.json.Jsons;
import jakarta.json.JsonObject;

/** A device as clients see it: never its token, only the hash of which Baton keeps. */
public final class DeviceView {

    private DeviceView() {
    }

    public static JsonObject of(Device device) {
        return Jsons.object(
                "id", device.id(),
                "name", device.name(),
                "kind", device.kind(),
                "platform", device.platform(),
                "status", device.status(),
                "publicKey", device.key().map(DeviceKey::jwk).orElse(null),
                "registeredAt", device.registeredAt(),
                "lastSeenAt", device.lastSeenAt());
    }
}
