package dev.baton.admin.boundary;

import dev.baton.platform.openapi.ApiDocument;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/users/{user}}: a user's devices, sessions, open transfers and prohibitions; all their
 * sessions ended; all their devices revoked. {@code baton-admin} only; the deletions count as writes
 * against the admin's rate limit like any other.
 */
@Path("api/v1/admin/users/{user}")
@ApplicationScoped
@Authenticated(anyRole = Actor.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "One user's things at a glance, and cleared at once, for callers in `baton-admin`"
        + " (others: 403 `forbidden`). Every call is audited with the admin as actor and the user as subject.")
public class AdminUsersResource {

    private static final String USER = "The user's subject (`sub`), percent-encoded: 1 to 255 characters, no control characters."
            + " Baton keeps no list of users: one it never saw has nothing, not a 404.";

    @Inject
    AdminService admin;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "admin.get", summary = "A user's devices, active sessions, open transfers and prohibitions")
    @APIResponse(responseCode = "200", description = "What Baton holds of the user, without token, code or state.")
    @Extension(name = ApiDocument.REFUSALS, value = "forbidden, invalid-request")
    public UserView get(@Parameter(description = USER, schema = @Schema(type = SchemaType.STRING, minLength = 1,
            maxLength = UserId.MAX_LENGTH, example = "alice")) @PathParam("user") String user) {
        return admin.user(caller.actor(), UserId.of(user));
    }

    @DELETE
    @Path("sessions")
    @Operation(operationId = "admin.endSessions", summary = "End every active session of a user",
            description = "Each ends as its holder's own end would: its token dies, its open transfer is cancelled, and"
                    + " its holder hears `session-ended` with reason `ended-by-admin`.")
    @APIResponse(responseCode = "204", description = "Ended, or nothing was left to end.")
    @Extension(name = ApiDocument.REFUSALS, value = "forbidden, invalid-request")
    public void endSessions(@Parameter(description = USER, schema = @Schema(type = SchemaType.STRING, minLength = 1,
            maxLength = UserId.MAX_LENGTH, example = "alice")) @PathParam("user") String user) {
        admin.endSessions(caller.actor(), UserId.of(user));
    }

    @DELETE
    @Path("devices")
    @Operation(operationId = "admin.revokeDevices", summary = "Revoke every device of a user",
            description = "Each is revoked as its owner's own revocation would: the sessions it holds end, its open transfers"
                    + " are cancelled, it hears `device-revoked` and its event streams close.")
    @APIResponse(responseCode = "204", description = "Revoked, or nothing was left to revoke.")
    @Extension(name = ApiDocument.REFUSALS, value = "forbidden, invalid-request")
    public void revokeDevices(@Parameter(description = USER, schema = @Schema(type = SchemaType.STRING, minLength = 1,
            maxLength = UserId.MAX_LENGTH, example = "alice")) @PathParam("user") String user) {
        admin.revokeDevices(caller.actor(), UserId.of(user));
    }
}
