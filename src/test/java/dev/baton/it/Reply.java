package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.http.HttpResponse;

/** An HTTP answer with its body read as JSON where it is JSON. */
public record Reply(int status, HttpResponse<String> raw) {

    public String header(String name) {
        return raw.headers().firstValue(name).orElse(null);
    }

    public String text() {
        return raw.body();
    }

    public JsonObject json() {
        return (JsonObject) structure();
    }

    public JsonArray array() {
        return (JsonArray) structure();
    }

    public String get(String member) {
        return json().getString(member);
    }

    /** The problem's {@code code}, after checking the answer is problem+json. */
    public String code() {
        String type = header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            throw new AssertionError("Not problem+json (" + status + ", " + type + "): " + text());
        }
        return json().getString("code");
    }

    private JsonStructure structure() {
        try (var reader = Json.createReader(new StringReader(raw.body()))) {
            return reader.read();
        }
    }

    @Override
    public String toString() {
        return status + " " + raw.body();
    }
}
