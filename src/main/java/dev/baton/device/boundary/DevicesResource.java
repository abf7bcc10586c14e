package dev.baton.device.boundary;

import dev.baton.device.entity.DeviceKey;
import dev.baton.events.control.EventHub;
import dev.baton.platform.openapi.ApiDocument;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /devices}: register, list, read and revoke devices; a device's event stream. */
@Path("api/v1/devices")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "devices", description = "A user's devices: each gets a device token, and may bind a key that proves its calls.")
public class DevicesResource {

    @Inject
    DeviceService devices;

    @Inject
    EventHub hub;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "devices.register", summary = "Register a device of the caller's",
            description = "The answer holds the device token, shown this once: Baton keeps only its hash.")
    @APIResponse(responseCode = "201", description = "Registered.", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = RegisteredDevice.class)))
    @Extension(name = ApiDocument.REFUSALS, value = "invalid-request, device-limit-reached")
    public Response register(@Valid DeviceRegistration request, @Context UriInfo uri) {
        RegisteredDevice device = devices.register(caller.actor(), request.name(), request.kind(), request.platform(),
                key(request.publicKey()));
        return Response.created(uri.getAbsolutePathBuilder().path(device.id()).build()).entity(device).build();
    }

    /** The optional {@code publicKey}: a JWK, EC P-256 or RSA. */
    private static DeviceKey key(JsonObject jwk) {
        if (jwk == null) {
            return null;
        }
        try {
            return DeviceKey.of(jwk);
        } catch (IllegalArgumentException e) {
            throw new BatonException(Problem.INVALID_REQUEST, "'publicKey' must be a public JWK, EC P-256 or RSA of 2048 bits or more: " + e.getMessage() + ".");
        }
    }

    @GET
    @Operation(operationId = "devices.list", summary = "The caller's devices, active and revoked")
    @APIResponse(responseCode = "200", description = "The devices.")
    public List<DeviceView> list() {
        return devices.list(caller.actor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "devices.get", summary = "One of the caller's devices")
    @APIResponse(responseCode = "200", description = "The device.")
    @Extension(name = ApiDocument.REFUSALS, value = "not-found")
    public DeviceView get(@PathParam("id") String id) {
        return devices.get(caller.actor(), id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "devices.revoke", summary = "Revoke one of the caller's devices",
            description = "Its token dies, the sessions it holds end, open transfers to or from it are cancelled, its event streams close.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked).")
    @Extension(name = ApiDocument.REFUSALS, value = "not-found")
    public void revoke(@PathParam("id") String id) {
        devices.revoke(caller.actor(), id);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "devices.events", summary = "The device's event stream (server-sent events)",
            description = "Events (the SSE `event`): transfer-offered, transfer-requested, transfer-approved, transfer-denied,"
                    + " transfer-claimed, transfer-expired, transfer-cancelled, session-moved, session-ended, prohibition-ended,"
                    + " device-revoked; each `data` a JSON object with `type`, `deviceId`, `sessionId`, `transferId`, `reason`,"
                    + " `at` and any details, never a token or a code. A `: ping` comment keeps the stream open.")
    @APIResponse(responseCode = "200", description = "The stream, open until the device is revoked or the client leaves.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @Extension(name = ApiDocument.REFUSALS, value = "device-unauthenticated, proof-invalid, not-found, too-many-streams")
    public void events(@PathParam("id") String id, @HeaderParam(DeviceHeaders.DEVICE_TOKEN) String deviceToken,
                       @Context SseEventSink sink, @Context Sse sse) {
        devices.listener(caller.actor(), deviceToken, id);
        hub.open(id, sink, sse);
    }
}
