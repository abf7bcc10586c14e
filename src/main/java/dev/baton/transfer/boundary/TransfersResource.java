package dev.baton.transfer.boundary;

import dev.baton.platform.openapi.ApiDocument;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import dev.baton.transfer.control.SessionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "transfers", description = "Moving a session: offered by its holder (push) or asked for by another device"
        + " (pull), claimed at the target with the code shown at the source, then restored there.")
public class TransfersResource {

    private static final String DEVICE_GATE = "device-unauthenticated, device-not-registered, proof-invalid, ";

    @Inject
    TransferService transfers;

    @Inject
    HandoverService handover;

    @Inject
    PullService pulls;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "transfers.get", summary = "A transfer, as its source or target device sees it",
            description = "An open transfer past its time is expired on the way.")
    @APIResponse(responseCode = "200", description = "The transfer.")
    @Extension(name = ApiDocument.REFUSALS, value = DEVICE_GATE + "not-found, transfer-not-authorized")
    public TransferView get(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken) {
        return transfers.get(caller.actor(), deviceToken, id);
    }

    @DELETE
    @Operation(operationId = "transfers.cancel", summary = "Withdraw a transfer",
            description = "By the device that asked for it: the source its offer, the target of a pull its request;"
                    + " the source of an approved pull may also withdraw the code it shows. Both devices hear"
                    + " `transfer-cancelled`.")
    @APIResponse(responseCode = "204", description = "Cancelled.")
    @Extension(name = ApiDocument.REFUSALS, value = DEVICE_GATE + "not-found, transfer-not-authorized, transfer-gone")
    public void cancel(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken) {
        transfers.cancel(caller.actor(), deviceToken, id);
    }

    @POST
    @Path("decline")
    @Operation(operationId = "transfers.decline", summary = "Decline an offer at the target device (\"not me\")",
            description = "The transfer is cancelled; the source hears `transfer-cancelled` with reason `declined-by-target`.")
    @APIResponse(responseCode = "204", description = "Declined.")
    @Extension(name = ApiDocument.REFUSALS, value = DEVICE_GATE + "not-found, transfer-not-authorized, transfer-gone")
    public void decline(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken) {
        transfers.decline(caller.actor(), deviceToken, id);
    }

    @POST
    @Path("approve")
    @Operation(operationId = "transfers.approve", summary = "Approve a pull at the device holding the session",
            description = "With the session's token and the session information for the target. The pull becomes"
                    + " `pending` with a claim code to show the user, and a new `expiresAt`; the asking device hears"
                    + " `transfer-approved`.")
    @APIResponse(responseCode = "200", description = "Approved: the code to show.")
    @Extension(name = ApiDocument.REFUSALS, value = DEVICE_GATE + "invalid-request, payload-too-large, session-info-invalid,"
            + " not-found, transfer-not-authorized, session-token-invalid, session-not-active, transfer-gone")
    public ClaimableTransfer approve(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                                     @HeaderParam(SESSION_TOKEN) String sessionToken,
                                     @HeaderParam(SessionInfo.HEADER) String sessionInfo,
                                     @Parameter(description = ClaimableTransfer.QR, schema = @Schema(enumeration = "svg"))
                                     @QueryParam("qr") String qr, @Context UriInfo uri) {
        boolean withQr = ClaimableTransfer.wantsQr(qr);
        ClaimableTransfer transfer = pulls.approve(caller.actor(), deviceToken, id, sessionToken, sessionInfo, uri.getBaseUri());
        return withQr ? transfer.withQr() : transfer;
    }

    @POST
    @Path("deny")
    @Operation(operationId = "transfers.deny", summary = "Refuse a pull at the device holding the session",
            description = "The pull becomes `denied`; both devices hear `transfer-denied` (reason `denied-by-holder`).")
    @APIResponse(responseCode = "200", description = "Denied.")
    @Extension(name = ApiDocument.REFUSALS, value = DEVICE_GATE + "not-found, transfer-not-authorized, transfer-gone")
    public TransferView deny(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken) {
        return pulls.deny(caller.actor(), deviceToken, id);
    }

    @POST
    @Path("claim")
    @ClaimAttempt
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transfers.claim", summary = "Claim a transfer at the target device",
            description = "Needs a recent sign-in (`baton.transfer.claim-max-token-age`) and the code shown at the source."
                    + " Attempts are limited per user and device token (`rate-limited`) and per transfer: too many wrong"
                    + " codes cancel it. The answer holds the session information and a restore token.")
    @APIResponse(responseCode = "200", description = "Claimed.")
    @Extension(name = ApiDocument.REFUSALS, value = DEVICE_GATE + "reauthentication-required, not-found, transfer-not-authorized, transfer-not-approved, claim-code-invalid,"
            + " transfer-gone")
    public ClaimedTransfer claim(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                                 @Valid ClaimRequest request) {
        return handover.claim(caller.actor(), deviceToken, id, request.claimCode());
    }
}
