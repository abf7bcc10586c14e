package dev.baton.transfer.boundary;

import dev.baton.platform.openapi.ApiDocument;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "transfers")
public class PullsResource {

    @Inject
    PullService pulls;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transfers.requestPull", summary = "Ask for a session to continue on the calling device (pull)",
            description = "The holder hears `transfer-requested` naming the asking device, and approves or denies."
                    + " A device kept out of the session is refused (`access-prohibited`); a session of another user or"
                    + " no longer active is `not-found`.")
    @APIResponse(responseCode = "201", description = "Asked: `awaiting-approval`.",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = TransferView.class)))
    @Extension(name = ApiDocument.REFUSALS, value = "device-unauthenticated, device-not-registered, proof-invalid, not-found, access-prohibited, forbidden,"
            + " transfer-not-authorized, transfer-in-progress")
    public Response requestPull(@HeaderParam(DEVICE_TOKEN) String deviceToken, @Valid PullRequest request,
                                @Context UriInfo uri) {
        TransferView transfer = pulls.request(caller.actor(), deviceToken, request.sessionId());
        return Response.created(uri.getAbsolutePathBuilder().path(transfer.id()).build()).entity(transfer).build();
    }
}
