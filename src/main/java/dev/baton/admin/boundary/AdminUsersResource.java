package dev.baton.admin.boundary;

import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Authenticated;
import dev.baton.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /admin/users/{user}}: a user's devices, sessions, open transfers and prohibitions; all their
 * sessions ended; all their devices revoked. {@code baton-admin} only; the deletions count as writes
 * against the admin's rate limit like any other.
 */
@Path("api/v1/admin/users/{user}")
@ApplicationScoped
@Authenticated(anyRole = Actor.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    @Inject
    AdminService admin;

    @Inject
    Caller caller;

    @GET
    public JsonObject get(@PathParam("user") String user) {
        return admin.user(caller.actor(), UserId.of(user));
    }

    @DELETE
    @Path("sessions")
    public void endSessions(@PathParam("user") String user) {
        admin.endSessions(caller.actor(), UserId.of(user));
    }

    @DELETE
    @Path("devices")
    public void revokeDevices(@PathParam("user") String user) {
        admin.revokeDevices(caller.actor(), UserId.of(user));
    }
}
