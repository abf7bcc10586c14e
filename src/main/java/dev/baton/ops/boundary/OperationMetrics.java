package dev.baton.ops.boundary;

import dev.baton.ops.control.BatonMetrics;
import dev.baton.platform.json.Jsons;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;

/**
 * Times every API call by its operation — the resource method that served it, e.g.
 * {@code transfers.claim}, or {@code unmatched} — and counts every problem+json answer by its code.
 * First of the request filters and last of the response filters, so it sees the whole call and
 * the answer as it goes out, refusals of the earliest filters included.
 */
@Provider
@PreMatching
@Priority(Integer.MIN_VALUE)
public class OperationMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String API = "api/v1/";
    private static final String STARTED = OperationMetrics.class.getName() + ".started";

    @Inject
    BatonMetrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            metrics.timed(operation(resource.getResourceMethod()), Duration.ofNanos(System.nanoTime() - started));
        }
        if (response.getMediaType() != null && Problems.MEDIA_TYPE.equals(response.getMediaType().getType() + "/"
                + response.getMediaType().getSubtype()) && response.getEntity() instanceof String body) {
            metrics.problem(problemOf(body, response.getStatus()));
        }
    }

    /**
     * {@code sessions.restore} for {@code POST api/v1/sessions/{id}/restore}: the API's resource family
     * (the first segment after {@code api/v1/}) and the method, so a name follows the API, not where its
     * code lives; outside the API the resource class names the family. {@code unmatched} when no method
     * served the call. The OpenAPI document names each operation so too.
     */
    public static String operation(Method method) {
        if (method == null) {
            return "unmatched";
        }
        Class<?> type = method.getDeclaringClass();
        Path path = type.getAnnotation(Path.class);
        String family;
        if (path != null && path.value().startsWith(API)) {
            family = path.value().substring(API.length()).split("/", 2)[0];
        } else {
            String name = type.getSimpleName().replaceFirst("Resource$", "");
            family = name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
        }
        return family + "." + method.getName();
    }

    /** The problem a problem+json body names by its {@code code}; by its status if it names none Baton knows. */
    static Problem problemOf(String body, int status) {
        try (JsonReader reader = Jsons.JSON.createReader(new StringReader(body))) {
            JsonObject problem = reader.readObject();
            return Problem.valueOf(problem.getString("code").toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            return Problem.ofStatus(status);
        }
    }
}
