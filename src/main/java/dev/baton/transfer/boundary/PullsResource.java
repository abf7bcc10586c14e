package dev.baton.transfer.boundary;

import dev.baton.platform.json.Fields;
import dev.baton.platform.json.JsonBodies;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import static dev.baton.device.boundary.DeviceHeaders.DEVICE_TOKEN;

/**
 * {@code POST /transfers} {@code {sessionId}}: "continue here", a pull asked by the device that wants
 * the session, with its own device token. A push is asked by the holder at
 * {@code /sessions/{id}/transfers}, naming its target; a body naming one here is refused, not guessed at.
 */
@Path("api/v1/transfers")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PullsResource {

    @Inject
    PullService pulls;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestPull(@HeaderParam(DEVICE_TOKEN) String deviceToken, byte[] body, @Context UriInfo uri) {
        JsonObject request = JsonBodies.object(body, Problem.INVALID_REQUEST);
        if (request.containsKey("targetDeviceId")) {
            throw Fields.invalid("A pull names only 'sessionId' and is asked by the device that wants the session;"
                    + " the holder offers it to a target at /api/v1/sessions/{id}/transfers.");
        }
        JsonObject transfer = pulls.request(caller.actor(), deviceToken, Fields.text(request, "sessionId", 64));
        return Response.created(uri.getAbsolutePathBuilder().path(transfer.getString("id")).build()).entity(transfer).build();
    }
}
