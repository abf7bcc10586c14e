package dev.baton.platform.problem;

import dev.baton.platform.net.ClientAddresses;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Caller;
import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.resource.ResourceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.SystemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every exception that leaves a resource into problem+json; nothing else reaches a client. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(5);

    private ProblemMappers() {
    }

    /**
     * Answers a refusal; one the audit has not written on its own is announced as {@link Refused},
     * for the audit to count.
     */
    static Response refused(BatonException e, HttpServletRequest request) {
        if (!e.isAudited() && e.problem().status() < 500) {
            String user = CDI.current().select(Caller.class).get().known().map(Actor::user).orElse(null);
            String address = CDI.current().select(ClientAddresses.class).get().of(request);
            CDI.current().getBeanManager().getEvent().select(Refused.class).fire(new Refused(user, address, e.problem().code()));
        }
        return Problems.response(e);
    }

    @Provider
    public static class Refusals implements ExceptionMapper<BatonException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(BatonException e) {
            return refused(e, request);
        }
    }

    /** JAX-RS's own refusals: unknown path, wrong method, media type, unreadable body. */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            Problem problem = Problem.ofStatus(status);
            return refused(new BatonException(problem, problem == Problem.NOT_FOUND ? "No such resource." : null), request);
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(JsonException e) {
            return refused(new BatonException(Problem.INVALID_REQUEST, "The body is not valid JSON."), request);
        }
    }

    /**
     * A request record that broke its Bean Validation constraints: {@code invalid-request} naming the
     * member, e.g. "'name' must be at most 100 characters." The first by member name, so the answer
     * does not change from call to call.
     */
    @Provider
    public static class Violations implements ExceptionMapper<ConstraintViolationException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            if (e.getConstraintViolations().stream().noneMatch(Violations::ofParameter)) {
                return unexpected(e);
            }
            String detail = e.getConstraintViolations().stream()
                    .map(violation -> "'" + member(violation.getPropertyPath()) + "' " + violation.getMessage() + ".")
                    .sorted()
                    .findFirst()
                    .orElse(null);
            return refused(new BatonException(Problem.INVALID_REQUEST, detail), request);
        }

        /** A resource method's parameter, the client's input; any other violation is Baton's own fault. */
        private static boolean ofParameter(ConstraintViolation<?> violation) {
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The path below the method and its parameter: {@code register.arg0.name} is {@code name};
         * an element of a list is named by the list ({@code <list element>} would tell a client nothing).
         */
        private static String member(Path path) {
            List<String> names = new ArrayList<>();
            for (Path.Node node : path) {
                if (node.getKind() == ElementKind.PROPERTY
                        || node.getKind() == ElementKind.CONTAINER_ELEMENT && !node.getName().startsWith("<")) {
                    names.add(node.getName());
                }
            }
            return String.join(".", names);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BatonException refusal) {
                    return refused(refusal, request);
                }
                if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException) {
                    return Problems.response(Problem.CONCURRENT_MODIFICATION,
                            "Another request changed this resource at the same time; try again.");
                }
                if (bodyReadTimedOut(cause)) {
                    LOG.warning(() -> "Request body stopped arriving, read timed out: " + request.getMethod() + " "
                            + request.getRequestURI() + " answered 408");
                    return Problems.response(Problem.REQUEST_TIMEOUT, "The request body did not arrive in time.");
                }
                if (databaseUnreachable(cause)) {
                    LOG.warning("Database unreachable: " + cause);
                    return Problems.response(new BatonException(Problem.UNAVAILABLE,
                            "The database cannot be reached; try again shortly.", DATABASE_RETRY, Map.of()));
                }
            }
            return unexpected(e);
        }
    }

    /**
     * A connection that could not be made or was cut: SQLSTATE class 08, or the server shutting
     * down or starting up (57P01–57P03); also the pool's own "cannot allocate" when the database is
     * gone, and the transaction manager's failure to enlist or complete with a dead connection
     * (a {@code SystemException} that carries no cause; the log above it shows the connection).
     * Nothing of the call was committed, so the client may simply retry.
     */
    static boolean databaseUnreachable(Throwable e) {
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P0");
        }
        return e instanceof SQLTransientConnectionException || e instanceof ResourceException || e instanceof SystemException;
    }

    /**
     * Grizzly gives up on a body that stops short of its length after the listener's read timeout
     * ({@code read-timeout-millis}, 30 s): over HTTP/1.1 with an IOException around a
     * TimeoutException, on an HTTP/2 stream with an IOException that says only so. The client's
     * fault, not an incident.
     */
    static boolean bodyReadTimedOut(Throwable e) {
        return e instanceof IOException
                && (e.getCause() instanceof TimeoutException || "Blocking read timeout".equals(e.getMessage()));
    }

    static Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        Throwable logged = e instanceof EJBException ejb && ejb.getCause() != null ? ejb.getCause() : e;
        LOG.log(Level.SEVERE, "Incident " + incident + ": " + logged.getClass().getName(), logged);
        return Problems.response(new BatonException(Problem.INTERNAL, "Internal error; incident " + incident + ".", null,
                Map.of("incidentId", incident)));
    }
}
