package dev.baton.platform.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;

/** Builds the JSON of Baton's answers; every named member is present, {@code null} where none. */
public final class Jsons {

    /**
     * The one JSON-P provider, looked up once. Each {@code Json.createX} call looks the provider up
     * again through {@code ServiceLoader}, which scans every jar of the application under the class
     * loader's lock: under load the request threads queued there (JFR, issue 9; jakartaee/jsonp-api#154).
     * A provider is safe to share between threads.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }

    /** {@code object("id", id, "at", instant, ...)}: names and values in turn. */
    public static JsonObject object(Object... namesAndValues) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return builder.build();
    }

    /** {@code base} with more members. */
    public static JsonObject extend(JsonObject base, Object... namesAndValues) {
        JsonObjectBuilder builder = JSON.createObjectBuilder(base);
        object(namesAndValues).forEach(builder::add);
        return builder.build();
    }

    /** A JSON object Baton stored itself (a session's state), checked when it came in. */
    public static JsonObject stored(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Enum<?> e) {
            return JSON.createValue(e.name().toLowerCase(Locale.ROOT));
        }
        if (value instanceof Instant || value instanceof String) {
            return JSON.createValue(value.toString());
        }
        throw new IllegalArgumentException("No JSON form for " + value.getClass());
    }
}
