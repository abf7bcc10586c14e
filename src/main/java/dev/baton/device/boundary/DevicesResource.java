package dev.baton.device.boundary;

import dev.baton.device.entity.DeviceKey;
import dev.baton.events.control.EventHub;
import dev.baton.platform.json.Fields;
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

/** {@code /devices}: register, list, read and revoke devices; a device's event stream. */
@Path("api/v1/devices")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {

    @Inject
    DeviceService devices;

    @Inject
    EventHub hub;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
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
            throw Fields.invalid("'publicKey' must be a public JWK, EC P-256 or RSA of 2048 bits or more: " + e.getMessage() + ".");
        }
    }

    @GET
    public List<DeviceView> list() {
        return devices.list(caller.actor());
    }

    @GET
    @Path("{id}")
    public DeviceView get(@PathParam("id") String id) {
        return devices.get(caller.actor(), id);
    }

    @DELETE
    @Path("{id}")
    public void revoke(@PathParam("id") String id) {
        devices.revoke(caller.actor(), id);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @HeaderParam(DeviceHeaders.DEVICE_TOKEN) String deviceToken,
                       @Context SseEventSink sink, @Context Sse sse) {
        devices.listener(caller.actor(), deviceToken, id);
        hub.open(id, sink, sse);
    }
}
