package dev.baton.secevent.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivers one Security Event Token as RFC 8935 has it: {@code POST} with
 * {@code Content-Type: application/secevent+jwt} and {@code Accept: application/json}; any 2xx
 * (202 in the RFC) means delivered. Redirects are not followed. Every call ends within
 * {@link #CONNECT_TIMEOUT} plus {@link #ANSWER_TIMEOUT}.
 */
@ApplicationScoped
public class Webhook {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    /** RFC 8935's error answer: {@code {"err":"invalid_key","description":"..."}}; only the code is kept. */
    private static final Pattern ERROR_CODE = Pattern.compile("\"err\"\\s*:\\s*\"([a-z_]{1,40})\"");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * What became of one delivery. {@code refusedEvent}: the webhook was reached and refused this
     * token in particular (a 4xx other than 408 and 429), so others may still go; any other failure
     * (no connection, a timeout, 5xx, 408, 429, a redirect) says the webhook as a whole is not taking events.
     */
    public record Answer(boolean delivered, boolean refusedEvent, String description) {
    }

    public Answer post(URI url, String token) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/secevent+jwt")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(token))
                .build();
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            return answer(answer.statusCode(), answer.body());
        } catch (IOException e) {
            return new Answer(false, false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + shorten(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, false, "interrupted");
        }
    }

    static Answer answer(int status, String body) {
        if (status >= 200 && status < 300) {
            return new Answer(true, false, "HTTP " + status);
        }
        Matcher code = ERROR_CODE.matcher(body == null ? "" : body);
        String description = "HTTP " + status + (code.find() ? " " + code.group(1) : "");
        boolean refusedEvent = status >= 400 && status < 500 && status != 408 && status != 429;
        return new Answer(false, refusedEvent, description);
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
