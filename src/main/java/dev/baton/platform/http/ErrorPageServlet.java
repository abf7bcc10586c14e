package dev.baton.platform.http;

import dev.baton.platform.problem.Problem;
import dev.baton.platform.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The container's error pages as problem+json: a path outside the API, an error raised before
 * JAX-RS runs. Mapped in web.xml for every status.
 */
@WebServlet("/problem")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Problem problem = status instanceof Integer code ? Problem.ofStatus(code) : Problem.NOT_FOUND;
        String detail = problem == Problem.NOT_FOUND ? "No such resource." : null;
        SecurityHeaders.apply(response);
        response.setStatus(problem.status());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.json(problem, detail, Map.of()));
    }
}
