package dev.baton.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How strictly {@link DocumentedAnswers} reads answers, against a small document of one operation. */
class DocumentedAnswersTest {

    private static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /api/v1/things/{id}:
                get:
                  responses:
                    '200':
                      description: the thing
                      content:
                        application/json:
                          schema:
                            type: object
                            additionalProperties: false
                            required: [id]
                            properties: {id: {type: string}}
                    '403':
                      description: kept out
                      headers:
                        Retry-After: {required: true, schema: {type: integer}}
                      content:
                        application/problem+json:
                          schema:
                            type: object
                            required: [code]
                            properties: {code: {type: string, enum: [access-prohibited]}}
            """;

    private final DocumentedAnswers answers = new DocumentedAnswers(OpenApiDocument.read(DOCUMENT));

    @Test
    void documentedAnswersPass() {
        answers.accept(reply(200, "application/json", "{\"id\":\"a\"}", Map.of()));
        answers.accept(reply(403, "application/problem+json", "{\"code\":\"access-prohibited\"}", Map.of("Retry-After", "30")));
        assertEquals(List.of(), answers.discrepancies());
        assertEquals(2, answers.checked());
        assertEquals(Set.of("GET /api/v1/things/{id}"), answers.touched());
    }

    @Test
    void everyDeviationIsADiscrepancyNamingOperationAndStatus() {
        answers.accept(reply(200, "application/json", "{\"id\":\"a\",\"secret\":\"s\"}", Map.of()));
        answers.accept(reply(403, "application/problem+json", "{\"code\":\"claim-code-invalid\"}", Map.of("Retry-After", "30")));
        answers.accept(reply(403, "application/problem+json", "{\"code\":\"access-prohibited\"}", Map.of()));
        answers.accept(reply(403, "application/json", "{\"code\":\"access-prohibited\"}", Map.of("Retry-After", "30")));
        answers.accept(reply(404, "application/problem+json", "{\"code\":\"not-found\"}", Map.of()));
        List<String> found = answers.discrepancies();
        assertEquals(5, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("GET /api/v1/things/{id} 200: [validation.response.body.schema.additionalProperties]"), found::toString);
        assertTrue(found.get(1).contains("403: [validation.response.body.schema.enum]"), found::toString);
        assertTrue(found.get(2).contains("403: [validation.response.header.missing]"), found::toString);
        assertTrue(found.get(3).contains("403: [validation.response.contentType.notAllowed]"), found::toString);
        assertTrue(found.get(4).contains("404: [validation.response.status.unknown]"), found::toString);
    }

    private static Reply reply(int status, String type, String body, Map<String, String> headers) {
        Map<String, List<String>> all = new HashMap<>(Map.of("Content-Type", List.of(type)));
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/api/v1/things/a")).GET().build();
        return new Reply(status, new Answer(status, request, HttpHeaders.of(all, (name, value) -> true), body));
    }

    /** An answer as the JDK client hands it over, made up. */
    private record Answer(int statusCode, HttpRequest request, HttpHeaders headers, String body) implements HttpResponse<String> {

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
