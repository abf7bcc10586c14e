package dev.baton.transfer.boundary;

import dev.baton.platform.json.Fields;
import dev.baton.platform.json.JsonBodies;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import dev.baton.transfer.control.SessionInfo;
import dev.baton.transfer.control.TransferSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
public class SessionTransfersResource {

    @Inject
    TransferService transfers;

    @Inject
    TransferSettings settings;

    @Inject
    Caller caller;

    @POST
    public Response requestTransfer(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                            @HeaderParam(SESSION_TOKEN) String sessionToken,
                            @HeaderParam(SessionInfo.HEADER) String sessionInfo, @QueryParam("qr") String qr, byte[] body,
                            @Context UriInfo uri) {
        boolean withQr = TransferView.wantsQr(qr);
        JsonObject request = JsonBodies.object(body, Problem.INVALID_REQUEST);
        String target = Fields.text(request, "targetDeviceId", 64);
        JsonObject info = SessionInfo.decode(sessionInfo, settings.sessionInfoMaxBytes());
        JsonObject transfer = transfers.request(caller.actor(), deviceToken, id, sessionToken, target, info, uri.getBaseUri());
        if (withQr) {
            transfer = TransferView.withQr(transfer);
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/transfers").path(transfer.getString("id")).build())
                .entity(transfer).build();
    }
}
