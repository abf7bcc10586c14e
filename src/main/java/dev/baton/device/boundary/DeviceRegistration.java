package dev.baton.device.boundary;

import dev.baton.device.entity.DeviceKind;
import dev.baton.platform.json.Text;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /devices}. {@code publicKey} is optional: a JWK, checked by
 * {@link dev.baton.device.entity.DeviceKey} since what makes a key acceptable is more than its shape.
 * Public, as Yasson binds only public records.
 */
@Schema(description = "A device to register. Unknown, repeated or wrongly typed members are refused.")
public record DeviceRegistration(
        @Text(max = 100) @Schema(maxLength = 100, example = "Alice's phone") String name,
        @NotNull(message = "is required") DeviceKind kind,
        @Text(max = 100) @Schema(maxLength = 100, example = "Android 15") String platform,
        @Schema(nullable = true, description = "A public JWK, EC P-256 or RSA of 2048 bits or more; the device then proves"
                + " each call with a DPoP proof signed by its key.") JsonObject publicKey) {
}
