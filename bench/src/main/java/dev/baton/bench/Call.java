package dev.baton.bench;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP call, built fluently: {@code Call.post(url).bearer(jwt).device(d).json(body).send(client, "claim")}.
 * A device with a key signs the call (header {@code DPoP}). Anything but 2xx is {@link Refused}.
 */
final class Call {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String method;
    private final URI url;
    private final HttpRequest.Builder request;
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Call(String method, URI url) {
        this.method = method;
        this.url = url;
        this.request = HttpRequest.newBuilder(url).timeout(TIMEOUT);
    }

    /** A client as each simulated user has its own: HTTP/1.1, one connection kept alive. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static Call get(URI url) {
        return new Call("GET", url);
    }

    static Call post(URI url) {
        return new Call("POST", url);
    }

    static Call put(URI url) {
        return new Call("PUT", url);
    }

    Call header(String name, String value) {
        request.header(name, value);
        return this;
    }

    Call bearer(String jwt) {
        return header("Authorization", "Bearer " + jwt);
    }

    /** Calls as {@code device}: its token, and its proof if it has a key. */
    Call device(Device device) {
        header("Baton-Device-Token", device.token());
        return device.key() == null ? this : header("DPoP", device.key().proof(method, url));
    }

    Call json(String json) {
        header("Content-Type", "application/json");
        body = HttpRequest.BodyPublishers.ofString(json);
        return this;
    }

    Call form(String encoded) {
        header("Content-Type", "application/x-www-form-urlencoded");
        body = HttpRequest.BodyPublishers.ofString(encoded);
        return this;
    }

    /** Sends the call; answers the body of a 2xx. */
    String send(HttpClient client, String step) throws IOException, InterruptedException, Refused {
        HttpResponse<String> answer = client.send(request.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new Refused(step, answer.statusCode(), problemCode(answer.body()));
        }
        return answer.body();
    }

    /** Sends the call; answers the 2xx's JSON body. */
    Map<String, Object> sendForJson(HttpClient client, String step) throws IOException, InterruptedException, Refused {
        try {
            return JSONObjectUtils.parse(send(client, step));
        } catch (ParseException e) {
            throw new IOException(step + ": not JSON", e);
        }
    }

    private static String problemCode(String body) {
        try {
            Map<String, Object> problem = JSONObjectUtils.parse(body);
            Object code = problem.getOrDefault("code", problem.get("error"));
            return code == null ? null : code.toString();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    record Device(String id, String token, ProofKey key) {
    }
}
