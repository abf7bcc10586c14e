package dev.baton.platform.http;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browsers on the portal's origin may call Baton: each origin of
 * {@code baton.cors.allowed-origins} is named exactly, never {@code *}, and never with credentials
 * (Baton reads headers, not cookies). Other origins get no CORS header at all, so their browsers
 * keep the answers from their scripts. Set before the call runs, the headers reach refusals too.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class CorsFilter extends HttpFilter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, DPoP, Baton-Device-Token, "
            + "Baton-Session-Token, Baton-Session-Info, X-Request-Id";
    static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, WWW-Authenticate, X-Request-Id";
    /** How long a browser may reuse a preflight's answer. */
    static final String MAX_AGE_SECONDS = "600";

    @Inject
    @ConfigProperty(name = "baton.cors.allowed-origins")
    Optional<String> configured;

    private Set<String> origins;

    @Override
    public void init() {
        origins = configured.map(CorsFilter::origins).orElse(Set.of());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (origins.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin == null || !origins.contains(origin)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        chain.doFilter(request, response);
    }

    /**
     * The listed origins. A setting that is not a list of origins fails the filter's start (a SEVERE
     * line in the log): Baton then serves without any CORS header, as if none were listed.
     */
    static Set<String> origins(String commaSeparated) {
        Set<String> origins = Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(o -> !o.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String origin : origins) {
            if (!isOrigin(origin)) {
                throw new IllegalArgumentException("baton.cors.allowed-origins takes exact origins such as "
                        + "https://portal.example.com (no *, path or trailing slash): " + origin);
            }
        }
        return origins;
    }

    private static boolean isOrigin(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null && text.equals(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
