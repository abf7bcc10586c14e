package dev.baton.demo;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token minted in demo mode: a JWT signed by Baton's own demo issuer. */
@Schema(description = "An access token from Baton's demo issuer.")
public record DevToken(
        @Schema(description = "The JWT, for `Authorization: Bearer`.") String token,
        Instant expiresAt) {
}
