package dev.baton.ops.boundary;

import dev.baton.ops.control.BatonMetrics;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Counts the container's error pages (problem+json by {@code ErrorPageServlet}) with the other problem answers. */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = DispatcherType.ERROR)
public class ErrorPageMetrics extends HttpFilter {

    @Inject
    BatonMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        String type = response.getContentType();
        if (type != null && type.startsWith(Problems.MEDIA_TYPE)) {
            metrics.problem(Problem.ofStatus(response.getStatus()));
        }
    }
}
