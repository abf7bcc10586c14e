package dev.baton.transfer.boundary;

import dev.baton.platform.Authenticated;
import dev.baton.platform.Caller;
import dev.baton.platform.ClaimAttempt;
import dev.baton.platform.Fields;
import dev.baton.platform.JsonBodies;
import dev.baton.platform.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import static dev.baton.platform.DeviceHeaders.DEVICE_TOKEN;

/** {@code /transfers/{id}}: read or cancel a transfer; decline or claim it at the target device. */
@Path("api/v1/transfers/{id}")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {

    @Inject
    TransferService transfers;

    @Inject
    HandoverService handover;

    @Inject
    Caller caller;

    @GET
    public JsonObject get(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken) {
        return transfers.get(caller.actor(), deviceToken, id);
    }

    @DELETE
    public void cancel(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken) {
        transfers.cancel(caller.actor(), deviceToken, id);
    }

    /** The target's "not me": 204, and the source hears {@code transfer-cancelled} with reason {@code declined-by-target}. */
    @POST
    @Path("decline")
    public void decline(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken) {
        transfers.decline(caller.actor(), deviceToken, id);
    }

    @POST
    @Path("claim")
    @ClaimAttempt
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject claim(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken, byte[] body) {
        JsonObject request = JsonBodies.object(body, Problem.INVALID_REQUEST);
        // Any string counts as an attempt, whatever its format (DESIGN.md §3).
        if (!(request.get("claimCode") instanceof JsonString code)) {
            throw Fields.invalid("'claimCode' is required as a string.");
        }
        return handover.claim(caller.actor(), deviceToken, id, code.getString());
    }
}
