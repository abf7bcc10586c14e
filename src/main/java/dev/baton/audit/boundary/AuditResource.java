package dev.baton.audit.boundary;

import dev.baton.audit.entity.AuditAction;
import dev.baton.platform.json.JsonBinding;
import dev.baton.platform.openapi.ApiDocument;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /audit}: the audit trail for auditors and admins, and the check of its chain. */
@Path("api/v1/audit")
@ApplicationScoped
@Authenticated(anyRole = {Actor.AUDITOR, Actor.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The audit trail, for callers in `baton-auditor` or `baton-admin` (others: 403 `forbidden`).")
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Operation(operationId = "audit.search", summary = "Search the audit trail, newest first",
            description = "Filters combine (and); an empty or missing one matches everything.")
    @APIResponse(responseCode = "200", description = "One page of the records that match.")
    @Extension(name = ApiDocument.REFUSALS, value = "forbidden, invalid-request")
    public AuditPage search(
            @Parameter(description = "Who acted (a user's subject, or `anonymous`).") @QueryParam("user") String user,
            @Parameter(description = "A session's id.") @QueryParam("session") String session,
            @Parameter(description = "A device's id: records where it acted or was the target.") @QueryParam("device") String device,
            @Parameter(description = "What happened; the upper-case form (`SESSION_RESTORED`) is accepted too.",
                    schema = @Schema(implementation = AuditAction.class)) @QueryParam("action") String action,
            @Parameter(description = "From this instant on, inclusive.", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "Up to this instant, inclusive.", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "The page, from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Records per page.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + AuditQuery.MAX_SIZE, defaultValue = "" + AuditQuery.DEFAULT_SIZE))
            @QueryParam("size") @DefaultValue("" + AuditQuery.DEFAULT_SIZE) String size,
            @Parameter(description = "The user whose things someone else (an admin) acted upon.") @QueryParam("subject") String subject) {
        return audit.search(new AuditQuery(present(user), present(session), present(device),
                parse(action, "action", a -> JsonBinding.enumOf(AuditAction.class, a)),
                parse(from, "from", Instant::parse), parse(to, "to", Instant::parse),
                number(page, "page", 0, Integer.MAX_VALUE / AuditQuery.MAX_SIZE),
                number(size, "size", 1, AuditQuery.MAX_SIZE), present(subject)));
    }

    @GET
    @Path("verify")
    @Operation(operationId = "audit.verify", summary = "Check that the audit chain is whole",
            description = "Every record must be as sealed, in order, up to the chain's head; the answer names the first that is not.")
    @APIResponse(responseCode = "200", description = "The check.")
    @Extension(name = ApiDocument.REFUSALS, value = "forbidden")
    public AuditVerdict verify() {
        return audit.verify(List.of());
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "audit.verifyWithCheckpoints", summary = "Check the audit chain against checkpoints Baton logged",
            description = "As `GET`, and the chain must still pass through every checkpoint given: history before a"
                    + " checkpoint cannot be rewritten, even with the audit key. A checkpoint Baton's keys did not sign is refused.")
    @APIResponse(responseCode = "200", description = "The check.")
    @Extension(name = ApiDocument.REFUSALS, value = "forbidden")
    public AuditVerdict verifyWithCheckpoints(@Valid CertifiedCheckpoints request) {
        return audit.verify(request.checkpoints());
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static <T> Optional<T> parse(String value, String name, Function<String, T> parser) {
        try {
            return present(value).map(parser);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid("'" + name + "' is not valid.");
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
        throw invalid("'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }

    private static BatonException invalid(String detail) {
        return new BatonException(Problem.INVALID_REQUEST, detail);
    }
}
