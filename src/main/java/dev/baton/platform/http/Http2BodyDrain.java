package dev.baton.platform.http;

import dev.baton.platform.problem.Problem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On HTTP/2, reads what Baton left unread of a request body before the answer goes out. Grizzly
 * gives a client more send window on a stream only for body bytes the application reads, and sends
 * no RST_STREAM after an early answer; so a client refused before its body was read (a 401, a 413
 * by length) stays blocked once it has filled the stream window (1 MB, pre-boot-commands.asadmin),
 * and the JDK's HttpClient never sees the answer. HTTP/1.1 needs none of this: Grizzly skips the
 * rest of a body itself.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class Http2BodyDrain extends HttpFilter {

    /** Past this a client sending on is not one Baton owes an answer; it meets its own timeout. */
    private static final long LIMIT = 8L << 20;

    private static final Logger LOG = Logger.getLogger(Http2BodyDrain.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            // Not an event stream (its request goes on), nor a body that already stalled for a read
            // timeout (it would stall the drain just as long).
            if ("HTTP/2.0".equals(request.getProtocol()) && !request.isAsyncStarted()
                    && response.getStatus() != Problem.REQUEST_TIMEOUT.status()) {
                drain(request);
            }
        }
    }

    private static void drain(HttpServletRequest request) {
        byte[] buffer = new byte[16 * 1024];
        long drained = 0;
        try {
            ServletInputStream body = request.getInputStream();
            for (int n; drained < LIMIT && (n = body.read(buffer)) >= 0; ) {
                drained += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the body was read as characters: nothing is owed then.
            LOG.log(Level.FINE, "Unread body not drained", e);
        }
    }
}
