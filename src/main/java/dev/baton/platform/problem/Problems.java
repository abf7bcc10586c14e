package dev.baton.platform.problem;

import dev.baton.platform.json.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;

/** Renders RFC 9457 problem documents, for JAX-RS and for the container's own error pages. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static String json(Problem problem, String detail, Map<String, Object> extensions) {
        JsonObjectBuilder body = Jsons.JSON.createObjectBuilder()
                .add("type", problem.type())
                .add("title", problem.title())
                .add("status", problem.status())
                .add("detail", detail == null ? problem.title() + "." : detail)
                .add("code", problem.code());
        extensions.forEach((name, value) -> body.add(name, value instanceof Number n
                ? Jsons.JSON.createValue(n.longValue())
                : Jsons.JSON.createValue(String.valueOf(value))));
        return body.build().toString();
    }

    public static Response response(BatonException e) {
        Response.ResponseBuilder answer = Response.status(e.problem().status())
                .type(MEDIA_TYPE)
                .entity(json(e.problem(), e.getMessage(), e.extensions()));
        e.retryAfter().ifPresent(wait -> answer.header("Retry-After", retryAfterSeconds(wait)));
        e.headers().forEach(answer::header);
        return answer.build();
    }

    public static Response response(Problem problem, String detail) {
        return response(new BatonException(problem, detail));
    }

    /** {@code Retry-After} in whole seconds, rounded up and at least 1, so a client that waits that long is not refused again. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
