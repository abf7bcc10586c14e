package dev.baton.session.boundary;

import dev.baton.platform.openapi.ApiDocument;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import dev.baton.session.control.SessionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static dev.baton.device.boundary.DeviceHeaders.DEVICE_TOKEN;
import static dev.baton.session.boundary.SessionHeaders.SESSION_TOKEN;

/**
 * {@code /sessions}: open, list, read, update and end sessions. A session's transfers and its restore
 * are the transfer feature's ({@code SessionTransfersResource}, {@code RestoreResource}). The
 * {@code ETag} of an answer is the state's version; an update names the one it is based on in {@code If-Match}.
 */
@Path("api/v1/sessions")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "An application's JSON state, held by one device of the user's at a time.")
public class SessionsResource {

    /** What every call on one session may meet: the device gate, then {@code SessionAccess}'s checks. */
    private static final String SESSION_ACCESS = "device-unauthenticated, proof-invalid, device-not-registered, not-found,"
            + " access-prohibited, session-token-invalid, session-not-active";

    @Inject
    SessionService sessions;

    @Inject
    SessionSettings settings;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "sessions.open", summary = "Open a session held by the calling device",
            description = "The answer holds the session token, shown this once: Baton keeps only its hash.")
    @APIResponse(responseCode = "201", description = "Opened.",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = OpenedSession.class)))
    @Extension(name = ApiDocument.REFUSALS, value = "device-unauthenticated, proof-invalid, device-not-registered")
    public Response open(@HeaderParam(DEVICE_TOKEN) String deviceToken, @Valid SessionOpening request,
                         @Context UriInfo uri) {
        OpenedSession session = sessions.open(caller.actor(), deviceToken, request.application(), checked(request.state()));
        return Response.created(uri.getAbsolutePathBuilder().path(session.id()).build())
                .tag(etag(session.version())).entity(session).build();
    }

    @GET
    @Operation(operationId = "sessions.list", summary = "The caller's active sessions, on any of their devices, without their state")
    @APIResponse(responseCode = "200", description = "The active sessions.")
    public List<SessionSummary> list() {
        return sessions.list(caller.actor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "sessions.get", summary = "A session with its state, read by the device holding it")
    @APIResponse(responseCode = "200", description = "The session.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @Extension(name = ApiDocument.REFUSALS, value = SESSION_ACCESS)
    public Response get(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                        @HeaderParam(SESSION_TOKEN) String sessionToken) {
        SessionView session = sessions.get(caller.actor(), deviceToken, id, sessionToken);
        return Response.ok(session).tag(etag(session.version())).build();
    }

    @PUT
    @Path("{id}/state")
    @Operation(operationId = "sessions.replaceState", summary = "Replace a session's state",
            description = "The body is the whole new state. `If-Match` names the version it is based on (the `ETag` read):"
                    + " a state changed since is `version-conflict`, a call without `If-Match` is `precondition-required`.")
    @RequestBody(required = true, description = "The new state, any JSON object, at most `baton.state.max-bytes`.",
            content = @Content(schema = @Schema(implementation = JsonObject.class, example = "{\"form\": \"loan-42\", \"step\": 4}")))
    @APIResponse(responseCode = "200", description = "Replaced; the session at its new version.",
            headers = @Header(name = "ETag", ref = "ETag"), content = @Content(schema = @Schema(implementation = SessionView.class)))
    @Extension(name = ApiDocument.REFUSALS, value = SESSION_ACCESS + ", precondition-required, version-conflict")
    public Response replaceState(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                                 @HeaderParam(SESSION_TOKEN) String sessionToken,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 JsonObject state) {
        long version = expectedVersion(ifMatch);
        SessionView session = sessions.replaceState(caller.actor(), deviceToken, id, sessionToken, version, checked(state));
        return Response.ok(session).tag(etag(session.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "sessions.end", summary = "End a session",
            description = "Its token dies and an open transfer of it is cancelled; the holder hears `session-ended`.")
    @APIResponse(responseCode = "204", description = "Ended.")
    @Extension(name = ApiDocument.REFUSALS, value = SESSION_ACCESS)
    public void end(@PathParam("id") String id, @HeaderParam(DEVICE_TOKEN) String deviceToken,
                    @HeaderParam(SESSION_TOKEN) String sessionToken) {
        sessions.end(caller.actor(), deviceToken, id, sessionToken);
    }

    /** The state, if within {@code baton.state.max-bytes} as Baton writes it. */
    private JsonObject checked(JsonObject state) {
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

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
