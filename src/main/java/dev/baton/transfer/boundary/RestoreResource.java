package dev.baton.transfer.boundary;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "transfers")
public class RestoreResource {

    @Inject
    HandoverService handover;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "sessions.restore", summary = "Restore a claimed session on the target device",
            description = "The session moves to the caller with a new token; the old one dies. The previous device"
                    + " hears `session-moved` and is kept out of the session until `prohibitedUntil`.")
    @APIResponse(responseCode = "200", description = "Restored.")
    @Extension(name = ApiDocument.REFUSALS, value = "session-info-invalid, device-unauthenticated, device-not-registered, proof-invalid, not-found,"
            + " restore-token-invalid, transfer-not-authorized, transfer-gone, session-not-active")
    public RestoredSession restore(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                                   @Valid RestoreRequest request) {
        JsonObject info = request.sessionInfoObject().orElseThrow(() -> new BatonException(Problem.SESSION_INFO_INVALID,
                "'sessionInfo' must be the JSON object received at claim."));
        return handover.restore(caller.actor(), deviceToken, id, request.restoreToken(), info);
    }
}
