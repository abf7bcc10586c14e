package dev.baton.session.boundary;

import dev.baton.platform.json.Fields;
import dev.baton.platform.json.JsonBodies;
import dev.baton.platform.json.Jsons;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import dev.baton.session.control.SessionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;

import static dev.baton.device.boundary.DeviceHeaders.DEVICE_TOKEN;
import static dev.baton.session.boundary.SessionHeaders.SESSION_TOKEN;

/**
 * {@code /sessions}: open, list, read, update and end sessions. A session's transfers and its restore
 * are the transfer feature's ({@code SessionTransfersResource}, {@code RestoreResource}).
 */
@Path("api/v1/sessions")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

    private static final String APPLICATION_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    @Inject
    SessionService sessions;

    @Inject
    SessionSettings settings;

    @Inject
    Caller caller;

    @POST
    public Response open(@HeaderParam(DEVICE_TOKEN) String deviceToken, byte[] body, @Context UriInfo uri) {
        JsonObject request = JsonBodies.object(body, Problem.INVALID_REQUEST);
        String application = Fields.text(request, "application", 64);
        if (!application.matches(APPLICATION_NAME)) {
            throw Fields.invalid("'application' is letters, digits, '.', '_' and '-', at most 64.");
        }
        JsonObject session = sessions.open(caller.actor(), deviceToken, application, state(request));
        return Response.created(uri.getAbsolutePathBuilder().path(session.getString("id")).build())
                .tag(etagValue(session)).entity(session).build();
    }

    @GET
    public JsonArray list() {
        return Jsons.JSON.createArrayBuilder(sessions.list(caller.actor())).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                        @HeaderParam(SESSION_TOKEN) String sessionToken) {
        JsonObject session = sessions.get(caller.actor(), deviceToken, id, sessionToken);
        return Response.ok(session).tag(etagValue(session)).build();
    }

    @PUT
    @Path("{id}/state")
    public Response replaceState(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                                 @HeaderParam(SESSION_TOKEN) String sessionToken,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        long version = expectedVersion(ifMatch);
        JsonObject session = sessions.replaceState(caller.actor(), deviceToken, id, sessionToken, version,
                checkedState(JsonBodies.object(body, Problem.INVALID_REQUEST)));
        return Response.ok(session).tag(etagValue(session)).build();
    }

    @DELETE
    @Path("{id}")
    public void end(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                    @HeaderParam(SESSION_TOKEN) String sessionToken) {
        sessions.end(caller.actor(), deviceToken, id, sessionToken);
    }

    private JsonObject state(JsonObject request) {
        return checkedState(Fields.object(request, "state"));
    }

    private JsonObject checkedState(JsonObject state) {
        if (state.toString().getBytes(StandardCharsets.UTF_8).length > settings.stateMaxBytes()) {
            throw new BatonException(Problem.PAYLOAD_TOO_LARGE, "The state is over " + settings.stateMaxBytes() + " bytes.");
        }
        return state;
    }

    private static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new BatonException(Problem.PRECONDITION_REQUIRED, "Send If-Match with the version you read.");
        }
        try {
            return Long.parseLong(ifMatch.trim().replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new BatonException(Problem.VERSION_CONFLICT, "If-Match names no version of this session.");
        }
    }

    private static EntityTag etagValue(JsonObject session) {
        return new EntityTag(Long.toString(session.getJsonNumber("version").longValue()));
    }
}
