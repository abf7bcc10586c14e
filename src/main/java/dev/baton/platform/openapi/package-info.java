/**
 * The API's OpenAPI document, made at build time from the resources and their records: what the
 * whole API shares is declared here (shared parameters and headers named as they are sent), what holds for every operation is added by {@link ApiDocument}.
 */
@OpenAPIDefinition(
        info = @Info(title = "Baton", version = "v1", description = """
                Moves a user's live session from one device to another: the holding device offers it, the \
                target claims it with the code shown at the source after a fresh sign-in, then restores it, \
                and the source is kept out of the session for a while.

                Every call carries the user's access token from the single sign-on (`Authorization: Bearer`). \
                Calls made by a device carry its device token (`Baton-Device-Token`); a device registered with \
                a public key proves each call with a `DPoP` proof. Every answer carries `X-Request-Id` (the \
                caller's, if it sent 1 to 64 of `A-Z a-z 0-9 . _ -`, else a new one). Refusals are \
                `application/problem+json` with a stable `code`."""),
        // Relative: the document holds for whatever address Baton is reached at.
        servers = @Server(url = "/"),
        security = @SecurityRequirement(name = "accessToken"),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = "accessToken", type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT", description = "An access token (JWT) from the configured"
                        + " identity provider. Steps that need a recent sign-in read its `auth_time`."),
                parameters = {
                        @Parameter(name = "Baton-Device-Token", in = ParameterIn.HEADER, required = true,
                                description = "The calling device's token, given once at its registration.",
                                schema = @Schema(type = SchemaType.STRING)),
                        @Parameter(name = "Baton-Session-Token", in = ParameterIn.HEADER, required = true,
                                description = "The session's token, held by the device holding the session.",
                                schema = @Schema(type = SchemaType.STRING)),
                        @Parameter(name = "Baton-Session-Info", in = ParameterIn.HEADER, required = true,
                                description = "The session information for the target device: a JSON object, base64url"
                                        + " encoded, at most `baton.session-info.max-bytes` once decoded.",
                                schema = @Schema(type = SchemaType.STRING, example = "eyJwb3J0YWwiOiJsb2FuLTQyIn0")),
                        @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true,
                                description = "The version of the state the update is based on, as the session's `ETag` gave it.",
                                schema = @Schema(type = SchemaType.STRING, example = "\"3\"")),
                        @Parameter(name = "DPoP", in = ParameterIn.HEADER,
                                description = "A proof (a JWT with `typ: dpop+jwt`) signed by the device's key, naming this"
                                        + " call (`htm`, `htu`), fresh (`iat`) and used once (`jti`). Required of a device"
                                        + " registered with a `publicKey`.",
                                schema = @Schema(type = SchemaType.STRING))},
                headers = {
                        @Header(name = "Retry-After", description = "Seconds to wait before the call can succeed.",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
                        @Header(name = "ETag", description = "The version of the session's state, to send back in `If-Match`.",
                                schema = @Schema(type = SchemaType.STRING, example = "\"3\"")),
                        @Header(name = "Location", description = "The address of what the call made.",
                                schema = @Schema(type = SchemaType.STRING, format = "uri")),
                        @Header(name = "WWW-Authenticate", description = "The challenge: `Bearer`, with the error.",
                                schema = @Schema(type = SchemaType.STRING))},
                schemas = @Schema(name = "Problem", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                        description = "A refusal (RFC 9457); its `code` is stable, clients rely on it. Some carry more members, named in their `detail`.",
                        requiredProperties = {"type", "title", "status", "detail", "code"},
                        properties = {
                                @SchemaProperty(name = "type", type = SchemaType.STRING, example = "urn:baton:problem:transfer-in-progress"),
                                @SchemaProperty(name = "title", type = SchemaType.STRING, example = "Transfer in progress"),
                                @SchemaProperty(name = "status", type = SchemaType.INTEGER, example = "409"),
                                @SchemaProperty(name = "detail", type = SchemaType.STRING, example = "The session has an open transfer."),
                                @SchemaProperty(name = "code", type = SchemaType.STRING, example = "transfer-in-progress")})))
package dev.baton.platform.openapi;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
