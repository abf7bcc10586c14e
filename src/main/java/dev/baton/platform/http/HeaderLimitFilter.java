package dev.baton.platform.http;

import dev.baton.platform.config.Settings;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Refuses a header section over {@code baton.request.max-header-bytes} with 431, before anything
 * else looks at the request. The size is the request line and the header fields as HTTP/1.1 writes
 * them, on HTTP/2 too. The listener's own limits (pre-boot-commands.asadmin) sit above this one, so
 * that such a request reaches Baton rather than the listener's empty 400.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class HeaderLimitFilter implements ContainerRequestFilter {

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        int limit = settings.requestMaxHeaderBytes();
        if (size(request) > limit) {
            throw new BatonException(Problem.HEADERS_TOO_LARGE, "The request line and headers are over " + limit + " bytes.");
        }
    }

    /** {@code METHOD target HTTP/1.1\r\n}, then {@code name: value\r\n} per field, then {@code \r\n}. */
    static long size(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        long size = request.getMethod().length() + 1 + length(uri.getRawPath()) + 1 + "HTTP/1.1\r\n".length() + 2;
        if (uri.getRawQuery() != null) {
            size += 1 + uri.getRawQuery().length();
        }
        for (Map.Entry<String, List<String>> field : request.getHeaders().entrySet()) {
            for (String value : field.getValue()) {
                size += field.getKey().length() + 2 + length(value) + 2;
            }
        }
        return size;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
