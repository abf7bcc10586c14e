package dev.baton.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A small HTTP client for Baton's API: {@code api.post("devices").bearer(t).json(body).send()}. An
 * API {@link #observed} by someone hands them every answer it gets (OpenApiIT checks each against
 * Baton's OpenAPI document).
 */
public final class Api {

    /**
     * HTTP/1.1, as curl and browsers speak it to a plain-HTTP server. The JDK client's own defaults
     * (an h2c offer, then HTTP/2) are HttpClientsIT's.
     */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final Consumer<Reply> observer;

    public Api(URI base) {
        this(base, reply -> { });
    }

    private Api(URI base, Consumer<Reply> observer) {
        this.base = base;
        this.observer = observer;
    }

    /** The same API, whose every answer {@code observer} sees before the caller does. */
    public Api observed(Consumer<Reply> observer) {
        return new Api(base, observer);
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    /** Sends {@code request} with {@code client}; a call that gets no answer fails, naming itself. */
    static Reply send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(answer.statusCode(), answer);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : "api/v1/" + path);
    }

    /** One request being put together. */
    public final class Call {
        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private byte[] body;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            if (value != null) {
                headers.add(name);
                headers.add(value);
            }
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call device(String deviceToken) {
            return header("Baton-Device-Token", deviceToken);
        }

        public Call session(String sessionToken) {
            return header("Baton-Session-Token", sessionToken);
        }

        public Call json(JsonObject json) {
            return raw("application/json", json.toString().getBytes(StandardCharsets.UTF_8));
        }

        public Call json(String json) {
            return raw("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Call raw(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            body = bytes;
            return this;
        }

        public HttpRequest request() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (int i = 0; i < headers.size(); i += 2) {
                builder.header(headers.get(i), headers.get(i + 1));
            }
            return builder.build();
        }

        public Reply send() {
            Reply reply = Api.send(CLIENT, request());
            observer.accept(reply);
            return reply;
        }
    }
}
