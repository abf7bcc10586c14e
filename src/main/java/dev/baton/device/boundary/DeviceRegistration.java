package dev.baton.device.boundary;

import dev.baton.device.entity.DeviceKind;
import dev.baton.platform.json.Text;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /devices}. {@code publicKey} is optional: a JWK, checked by
 * {@link dev.baton.device.entity.DeviceKey} since what makes a key acceptable is more than its shape.
 * Public, as Yasson binds only public records.
 */
public record DeviceRegistration(
        @Text(max = 100) String name,
        @NotNull(message = "is required") DeviceKind kind,
        @Text(max = 100) String platform,
        JsonObject publicKey) {
}
