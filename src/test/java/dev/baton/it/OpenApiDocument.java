package dev.baton.it;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Baton's OpenAPI document as its {@code /openapi} serves it (JSON), read with references resolved,
 * what breaks OpenAPI's rules in it, and its operations, each named {@code "GET /api/v1/devices/{id}"}.
 */
public final class OpenApiDocument {

    /** One operation: its method, its path template and what the document says of it. */
    public record Entry(String method, String path, Operation operation) {

        public String name() {
            return method + " " + path;
        }

        boolean serves(String method, String path) {
            return this.method.equals(method) && pattern().matcher(path).matches();
        }

        /** A template's literal parts must match exactly; each {@code {name}} stands for one segment. */
        private Pattern pattern() {
            StringBuilder regex = new StringBuilder();
            for (String part : this.path.split("\\{[^}/]+}", -1)) {
                regex.append(regex.isEmpty() ? "" : "[^/]+").append(Pattern.quote(part));
            }
            return Pattern.compile(regex.toString());
        }

        private long parameters() {
            return path.chars().filter(c -> c == '{').count();
        }
    }

    /**
     * Payara Micro adds a top-level {@code endpoints} member to every document it serves (its own,
     * not OpenAPI's; no setting removes it), which OpenAPI readers name as unexpected.
     */
    private static final String PAYARA_ENDPOINTS = "attribute endpoints is unexpected";

    private final OpenAPI model;
    private final List<String> findings;

    private OpenApiDocument(OpenAPI model, List<String> findings) {
        this.model = model;
        this.findings = findings;
    }

    /** Fetches the document from {@code /openapi} as JSON and reads it; fails if it cannot be read. */
    public static OpenApiDocument fetch(Api api) {
        Reply reply = api.get("/openapi").header("Accept", "application/json").send();
        assertEquals(200, reply.status(), reply::toString);
        return read(reply.text());
    }

    /** Reads a document given as text (JSON or YAML); fails if it cannot be read. */
    public static OpenApiDocument read(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
        assertNotNull(parsed.getOpenAPI(), () -> "Unreadable OpenAPI document: " + parsed.getMessages());
        List<String> findings = parsed.getMessages() == null ? List.of()
                : parsed.getMessages().stream().filter(message -> !message.equals(PAYARA_ENDPOINTS)).toList();
        return new OpenApiDocument(parsed.getOpenAPI(), findings);
    }

    /** Where the document breaks OpenAPI's rules, as its reader found (Payara's {@code endpoints} left out). */
    public List<String> findings() {
        return findings;
    }

    public OpenAPI model() {
        return model;
    }

    /** Every operation, in the document's order. */
    public List<Entry> operations() {
        return model.getPaths().entrySet().stream()
                .flatMap(path -> path.getValue().readOperationsMap().entrySet().stream()
                        .map(operation -> new Entry(operation.getKey().name(), path.getKey(), operation.getValue())))
                .toList();
    }

    /** The operation that serves a request, a literal path before a template (as JAX-RS picks). */
    public Optional<Entry> operationOf(String method, String path) {
        return operations().stream().filter(entry -> entry.serves(method, path)).min(Comparator.comparingLong(Entry::parameters));
    }
}
