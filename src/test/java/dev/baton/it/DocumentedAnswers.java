package dev.baton.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks every answer it is handed against Baton's OpenAPI document: the status must be documented
 * for the operation, and the content type, the documented headers and the body must match what is
 * documented for that status (a problem answer the {@code application/problem+json} schema of its
 * status, so an undocumented {@code code} fails). Every discrepancy is kept, naming the operation
 * and the status, for one failure at the end; requests are not checked, only Baton's answers.
 * Hand it to {@link Api#observed} to check every answer of a test.
 */
public final class DocumentedAnswers implements Consumer<Reply> {

    private final OpenApiDocument document;
    private final OpenApiInteractionValidator validator;
    private final List<String> discrepancies = new ArrayList<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private int checked;

    public DocumentedAnswers(OpenApiDocument document) {
        this.document = document;
        // Every finding is an error, additionalProperties included where a schema forbids them. The
        // model, not the text: the text's flaws are OpenApiIT's findings, not a reason to check nothing.
        this.validator = OpenApiInteractionValidator.createFor(document.model()).build();
    }

    @Override
    public void accept(Reply reply) {
        check(reply.raw().request().method(), reply.raw().request().uri(), reply.status(), reply.raw().headers(), reply.text());
    }

    /**
     * Checks the status and headers of an answer whose body is not read, an event stream's (it
     * never ends): that no body was seen is then no discrepancy.
     */
    public void checkHead(HttpResponse<?> answer) {
        check(answer.request().method(), answer.request().uri(), answer.statusCode(), answer.headers(), null);
    }

    private synchronized void check(String method, URI uri, int status, HttpHeaders headers, String body) {
        checked++;
        String path = uri.getRawPath();
        String operation = document.operationOf(method, path).map(OpenApiDocument.Entry::name).orElse(method + " " + path);
        touched.add(operation);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
        headers.map().forEach(answer::withHeader);
        headers.firstValue("Content-Type").ifPresent(answer::withContentType);
        if (body != null && !body.isEmpty()) {
            answer.withBody(body);
        }
        validator.validateResponse(path, Request.Method.valueOf(method), answer.build()).getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> body != null || !message.getKey().equals("validation.response.body.missing"))
                .forEach(message -> discrepancies.add(operation + " " + status + ": [" + message.getKey() + "] " + message.getMessage()));
    }

    /** Every discrepancy found so far: operation, status, what is wrong. */
    public synchronized List<String> discrepancies() {
        return List.copyOf(discrepancies);
    }

    /** The operations answers were checked for, named as {@link OpenApiDocument.Entry#name()}. */
    public synchronized Set<String> touched() {
        return Set.copyOf(touched);
    }

    /** How many answers were checked. */
    public synchronized int checked() {
        return checked;
    }
}
