package dev.baton.transfer.boundary;

import dev.baton.platform.json.Fields;
import dev.baton.platform.json.JsonBodies;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import dev.baton.transfer.control.SessionInfo;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import static dev.baton.device.boundary.DeviceHeaders.DEVICE_TOKEN;
import static dev.baton.session.boundary.SessionHeaders.SESSION_TOKEN;

/**
 * {@code /transfers/{id}}: read or cancel a transfer; decline or claim it at the target device;
 * approve or deny a pull at the device holding the session.
 */
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
    PullService pulls;

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

    /** The holder lets a pull go ahead: 200 with {@code status: PENDING} and the {@code claimCode} to show its user. */
    @POST
    @Path("approve")
    public JsonObject approve(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                              @HeaderParam(SESSION_TOKEN) String sessionToken, @HeaderParam(SessionInfo.HEADER) String sessionInfo,
                              @QueryParam("qr") String qr, @Context UriInfo uri) {
        boolean withQr = TransferView.wantsQr(qr);
        JsonObject transfer = pulls.approve(caller.actor(), deviceToken, id, sessionToken, sessionInfo, uri.getBaseUri());
        return withQr ? TransferView.withQr(transfer) : transfer;
    }

    /** The holder refuses a pull: 200 with {@code status: DENIED}; the asking device hears {@code transfer-denied}. */
    @POST
    @Path("deny")
    public JsonObject deny(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken) {
        return pulls.deny(caller.actor(), deviceToken, id);
    }

    @POST
    @Path("claim")
    @ClaimAttempt
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject claim(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken, byte[] body) {
        JsonObject request = JsonBodies.object(body, Problem.INVALID_REQUEST);
        // Any string counts as an attempt, whatever its format: a malformed guess is still a guess.
        if (!(request.get("claimCode") instanceof JsonString code)) {
            throw Fields.invalid("'claimCode' is required as a string.");
        }
        return handover.claim(caller.actor(), deviceToken, id, code.getString());
    }
}
