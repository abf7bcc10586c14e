package dev.baton.transfer.boundary;

import dev.baton.platform.json.Fields;
import dev.baton.platform.json.JsonBodies;
import dev.baton.platform.problem.BatonException;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import static dev.baton.device.boundary.DeviceHeaders.DEVICE_TOKEN;

/**
 * {@code POST /sessions/{id}/restore}: the target device, having claimed the transfer, takes the
 * session with the restore token and exactly the session information the claim gave it.
 */
@Path("api/v1/sessions/{id}/restore")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RestoreResource {

    @Inject
    HandoverService handover;

    @Inject
    Caller caller;

    @POST
    public JsonObject restore(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken, byte[] body) {
        JsonObject request = JsonBodies.object(body, Problem.INVALID_REQUEST);
        String restoreToken = Fields.text(request, "restoreToken", 128);
        if (!(request.get("sessionInfo") instanceof JsonObject info)) {
            throw new BatonException(Problem.SESSION_INFO_INVALID, "'sessionInfo' must be the JSON object received at claim.");
        }
        return handover.restore(caller.actor(), deviceToken, id, restoreToken, info);
    }
}
