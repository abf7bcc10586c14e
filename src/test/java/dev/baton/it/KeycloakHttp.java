package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few HTTP exchanges the Keycloak helpers share. HTTP/1.1 and no redirects followed: a
 * redirect from Keycloak is an answer to read (the authorization code), not a page to load.
 */
final class KeycloakHttp {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private KeycloakHttp() {
    }

    static JsonObject post(URI uri, Map<String, String> form) {
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("POST " + uri + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return (JsonObject) readJson(answer.body());
    }

    static HttpResponse<String> exchange(HttpRequest request) {
        return exchange(CLIENT, request);
    }

    static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
        return Api.send(client, request).raw();
    }

    static JsonStructure readJson(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
