package dev.baton.it;

import dev.baton.ops.boundary.OperationMetrics;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Baton's OpenAPI document ({@code /openapi}) against Baton itself: it lists every resource method,
 * describes every API operation completely (its id the name its timer has in the metrics), and
 * Baton's real answers, on a tour through every operation, match it. Each check collects all its
 * findings and fails once, naming every one.
 */
@ExtendWith(SharedBaton.class)
class OpenApiIT {

    /**
     * Baton's own pages, not its API: the clerk's pages and their files, and the API page itself
     * (the container's error page, {@code /problem}, is a servlet, no resource method).
     */
    private static final Set<String> NOT_API = Set.of("GET /app", "GET /app/{file}", "GET /app/config",
            "GET /client/v1/{file}", "GET /api/docs", "GET /api/docs/{file}");

    private static OpenApiDocument document;

    @BeforeAll
    static void fetch() {
        document = OpenApiDocument.fetch(new Api(SharedBaton.server().base()));
    }

    @Test
    void everyResourceMethodIsInTheDocument(TestReporter reporter) {
        Set<String> documented = new HashSet<>(document.operations().stream().map(OpenApiDocument.Entry::name).toList());
        List<String> resourceMethods = ResourceMethods.all();
        List<String> missing = resourceMethods.stream().filter(Predicate.not(NOT_API::contains)).filter(Predicate.not(documented::contains)).toList();
        reporter.publishEntry("resource methods", Integer.toString(resourceMethods.size()));
        reporter.publishEntry("documented operations", Integer.toString(documented.size()));
        assertTrue(missing.isEmpty(), () -> "Resource methods missing from /openapi:\n" + String.join("\n", missing));
    }

    @Test
    void theDocumentIsValidAndDescribesEveryApiOperationCompletely() {
        List<String> findings = new ArrayList<>(document.findings());
        Set<String> operationIds = new HashSet<>();
        Map<String, Method> methods = ResourceMethods.byName();
        for (OpenApiDocument.Entry entry : apiOperations()) {
            Operation operation = entry.operation();
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                findings.add(entry.name() + ": no operationId");
            } else if (!operationIds.add(operation.getOperationId())) {
                findings.add(entry.name() + ": operationId '" + operation.getOperationId() + "' is not unique");
            } else if (methods.containsKey(entry.name())
                    && !operation.getOperationId().equals(OperationMetrics.operation(methods.get(entry.name())))) {
                findings.add(entry.name() + ": operationId '" + operation.getOperationId() + "' is not the metrics' name, '"
                        + OperationMetrics.operation(methods.get(entry.name())) + "'");
            }
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                findings.add(entry.name() + ": no summary");
            }
            Map<String, ApiResponse> responses = operation.getResponses() == null ? Map.of() : operation.getResponses();
            if (responses.entrySet().stream().noneMatch(r -> r.getKey().startsWith("2") && describedSuccess(r.getKey(), r.getValue()))) {
                findings.add(entry.name() + ": no 2xx answer with a JSON schema (or a 204, or an event stream)");
            }
            if (responses.entrySet().stream().noneMatch(r -> r.getKey().startsWith("4") && hasSchema(r.getValue().getContent(), "application/problem+json"))) {
                findings.add(entry.name() + ": no 4xx answer of application/problem+json");
            }
            if (!bearerRequired(operation)) {
                findings.add(entry.name() + ": no security requirement naming a Bearer (JWT) scheme");
            }
        }
        assertTrue(findings.isEmpty(), () -> findings.size() + " gaps in the API's description:\n" + String.join("\n", findings));
    }

    @Test
    void batonsAnswersOnATourOfEveryOperationMatchTheDocument(TestReporter reporter) {
        DocumentedAnswers answers = new DocumentedAnswers(document);
        new ApiTour(new Api(SharedBaton.server().base()).observed(answers), answers).run();
        List<String> findings = new ArrayList<>(answers.discrepancies());
        apiOperations().stream().map(OpenApiDocument.Entry::name).filter(Predicate.not(answers.touched()::contains))
                .forEach(untouched -> findings.add(untouched + ": not on the tour"));
        reporter.publishEntry("documented operations", Integer.toString(document.operations().size()));
        reporter.publishEntry("answers validated", Integer.toString(answers.checked()));
        assertTrue(findings.isEmpty(), () -> findings.size() + " answers differ from /openapi:\n" + String.join("\n", findings));
    }

    private static List<OpenApiDocument.Entry> apiOperations() {
        return document.operations().stream().filter(entry -> entry.path().startsWith("/api/") && !NOT_API.contains(entry.name())).toList();
    }

    private static boolean describedSuccess(String status, ApiResponse response) {
        return status.equals("204") || hasSchema(response.getContent(), "application/json")
                || response.getContent() != null && response.getContent().containsKey("text/event-stream");
    }

    private static boolean hasSchema(Content content, String mediaType) {
        return content != null && content.get(mediaType) != null && content.get(mediaType).getSchema() != null;
    }

    /** Every alternative of the operation's security (or the document's) includes an HTTP bearer scheme. */
    private static boolean bearerRequired(Operation operation) {
        OpenAPI model = document.model();
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : model.getSecurity();
        Map<String, SecurityScheme> schemes = model.getComponents() == null || model.getComponents().getSecuritySchemes() == null
                ? Map.of() : model.getComponents().getSecuritySchemes();
        return security != null && !security.isEmpty() && security.stream().allMatch(alternative -> alternative.keySet().stream()
                .map(schemes::get).anyMatch(scheme -> scheme != null && scheme.getType() == SecurityScheme.Type.HTTP
                        && "bearer".equalsIgnoreCase(scheme.getScheme())));
    }
}
