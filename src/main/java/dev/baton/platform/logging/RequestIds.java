package dev.baton.platform.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Names every request: the caller's {@code X-Request-Id} when it is 1–64 characters of
 * {@code [A-Za-z0-9._-]}, else a new UUID (anything else could forge or break log lines). The id is
 * echoed on every answer, problem answers and the container's error pages included, and is bound
 * to the handling thread for the log formatter ({@link BatonLogFormatter}) until the call returns.
 * Mapped in web.xml, first of the filters.
 */
public class RequestIds extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : of(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        String before = BatonLogFormatter.bindRequestId(id);
        try {
            chain.doFilter(request, response);
        } finally {
            BatonLogFormatter.bindRequestId(before);
        }
    }

    /** {@code offered} when it is sane, else a new id. */
    static String of(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : newId();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id names a request, it guards
     * nothing, and {@code UUID.randomUUID()} would make every request wait on one shared SecureRandom.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & 0xffffffffffff0fffL) | 0x4000L,
                (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L).toString();
    }

    /** The id of the request this thread handles, or {@code null}. */
    public static String current() {
        return BatonLogFormatter.requestId();
    }

    /**
     * Runs {@code work} as part of request {@code id} (e.g. a write to an event stream the request
     * opened, on another thread): its log lines carry that id.
     */
    public static <T> T during(String id, Supplier<T> work) {
        String before = BatonLogFormatter.bindRequestId(id);
        try {
            return work.get();
        } finally {
            BatonLogFormatter.bindRequestId(before);
        }
    }
}
