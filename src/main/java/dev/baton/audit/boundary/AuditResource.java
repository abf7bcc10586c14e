package dev.baton.audit.boundary;

import dev.baton.audit.control.AuditCheckpoint;
import dev.baton.audit.entity.AuditAction;
import dev.baton.platform.json.Fields;
import dev.baton.platform.json.JsonBodies;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** {@code /audit}: the audit trail for auditors and admins, and the check of its chain. */
@Path("api/v1/audit")
@ApplicationScoped
@Authenticated(anyRole = {Actor.AUDITOR, Actor.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_CHECKPOINTS = 1000;

    @Inject
    AuditService audit;

    @GET
    public JsonObject search(@QueryParam("user") String user, @QueryParam("session") String session,
                             @QueryParam("device") String device, @QueryParam("action") String action,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("page") @DefaultValue("0") String page,
                             @QueryParam("size") @DefaultValue("50") String size,
                             @QueryParam("subject") String subject) {
        return audit.search(new AuditQuery(present(user), present(session), present(device),
                parse(action, "action", a -> AuditAction.valueOf(a.toUpperCase(Locale.ROOT))),
                parse(from, "from", Instant::parse), parse(to, "to", Instant::parse),
                number(page, "page", 0, Integer.MAX_VALUE / AuditQuery.MAX_SIZE),
                number(size, "size", 1, AuditQuery.MAX_SIZE), present(subject)));
    }

    /** {@code GET /audit/verify}: whether the audit chain is whole, and where it is broken if not. */
    @GET
    @Path("verify")
    public JsonObject verify() {
        return audit.verify(List.of());
    }

    /**
     * {@code POST /audit/verify} {@code {"checkpoints": [...]}}: the same, and the chain must still
     * pass through every checkpoint given (as logged by Baton, at most {@value #MAX_CHECKPOINTS}).
     */
    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject verify(byte[] body) {
        JsonObject request = JsonBodies.object(body, Problem.INVALID_REQUEST);
        if (!(request.get("checkpoints") instanceof JsonArray given) || given.size() > MAX_CHECKPOINTS
                || !given.stream().allMatch(c -> c instanceof JsonObject)) {
            throw Fields.invalid("'checkpoints' must be a list of at most " + MAX_CHECKPOINTS + " checkpoints as logged.");
        }
        return audit.verify(given.getValuesAs(JsonObject.class).stream().map(AuditCheckpoint::parse).toList());
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static <T> Optional<T> parse(String value, String name, Function<String, T> parser) {
        try {
            return present(value).map(parser);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw Fields.invalid("'" + name + "' is not valid.");
        }
    }

    private static int number(String value, String name, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Fields.invalid("'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }
}
