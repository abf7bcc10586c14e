package dev.baton.transfer.boundary;

import dev.baton.platform.openapi.ApiDocument;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import dev.baton.transfer.control.SessionInfo;
import dev.baton.transfer.control.TransferSettings;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static dev.baton.device.boundary.DeviceHeaders.DEVICE_TOKEN;
import static dev.baton.session.boundary.SessionHeaders.SESSION_TOKEN;

/**
 * {@code POST /sessions/{id}/transfers}: the holding device offers its session to another device of
 * the user's, with the session information in {@code Baton-Session-Info}; 201 with the claim code.
 */
@Path("api/v1/sessions/{id}/transfers")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "transfers")
public class SessionTransfersResource {

    @Inject
    TransferService transfers;

    @Inject
    TransferSettings settings;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "sessions.requestTransfer", summary = "Offer the session to another device (push)",
            description = "Called by the holding device with the session's token. The target hears `transfer-offered`;"
                    + " the answer holds the claim code to show the user, once. The session information goes only to"
                    + " the target, at claim.")
    @APIResponse(responseCode = "201", description = "Offered.", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = ClaimableTransfer.class)))
    @Extension(name = ApiDocument.REFUSALS, value = "session-info-invalid, device-unauthenticated, device-not-registered, proof-invalid, not-found,"
            + " access-prohibited, session-token-invalid, session-not-active, forbidden, transfer-not-authorized,"
            + " target-prohibited, transfer-in-progress")
    public Response requestTransfer(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                                    @HeaderParam(SESSION_TOKEN) String sessionToken,
                                    @HeaderParam(SessionInfo.HEADER) String sessionInfo,
                                    @Parameter(description = ClaimableTransfer.QR, schema = @Schema(enumeration = "svg")) @QueryParam("qr") String qr, @Valid PushRequest request,
                                    @Context UriInfo uri) {
        boolean withQr = ClaimableTransfer.wantsQr(qr);
        JsonObject info = SessionInfo.decode(sessionInfo, settings.sessionInfoMaxBytes());
        ClaimableTransfer transfer = transfers.request(caller.actor(), deviceToken, id, sessionToken, request.targetDeviceId(),
                info, uri.getBaseUri());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/transfers").path(transfer.id()).build())
                .entity(withQr ? transfer.withQr() : transfer).build();
    }
}
