package dev.baton.demo;

import dev.baton.platform.json.Jsons;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /dev/token}: a signed JWT for any user, in demo mode and to clients on this machine only; 404 otherwise. */
@Path("dev/token")
@ApplicationScoped
@DemoOnly
@Tag(name = "demo", description = "Demo mode only: Baton as its own token issuer.")
public class DevTokenResource {

    private static final Duration LIFETIME = Duration.ofHours(1);

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "devToken.mint", summary = "An access token for any user (demo mode only)",
            description = "Exists only in demo mode (`baton.demo=true`), and answers only clients on Baton's own machine:"
                    + " anywhere else, and outside demo mode, it is `not-found`. The token is valid for one hour.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The token.")
    @APIResponse(responseCode = "400", description = "`invalid-request`: the body names no `user`, or is not as described.",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "`not-found`: not in demo mode, or not called from Baton's machine.",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "`payload-too-large`: the body is over `baton.request.max-bytes`.",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "`unsupported-media-type`: the body is not `application/json`.",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public DevToken mint(@Valid DevTokenRequest token) {
        KeyPair keys = DemoIssuer.keys().orElseThrow(BatonException::notFound);
        Instant now = clock.instant();
        JsonObject claims = Jsons.object(
                "iss", DemoIssuer.ISSUER,
                "sub", token.user(),
                "upn", token.user(),
                "groups", Jsons.JSON.createArrayBuilder(token.groupsOrDefault()).build(),
                "iat", now.getEpochSecond(),
                "exp", now.plus(LIFETIME).getEpochSecond(),
                "jti", UUID.randomUUID().toString());
        return new DevToken(DemoIssuer.sign(keys.getPrivate(), claims), now.plus(LIFETIME));
    }
}
