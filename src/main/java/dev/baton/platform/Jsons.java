package dev.baton.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Locale;

/** Builds the JSON of Baton's answers; every named member is present, {@code null} where none. */
public final class Jsons {

    private Jsons() {
    }

    /** {@code object("id", id, "at", instant, ...)}: names and values in turn. */
    public static JsonObject object(Object... namesAndValues) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return builder.build();
    }

    /** {@code base} with more members. */
    public static JsonObject extend(JsonObject base, Object... namesAndValues) {
        JsonObjectBuilder builder = Json.createObjectBuilder(base);
        object(namesAndValues).forEach(builder::add);
        return builder.build();
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
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Enum<?> e) {
            return Json.createValue(e.name().toLowerCase(Locale.ROOT));
        }
        if (value instanceof Instant || value instanceof String) {
            return Json.createValue(value.toString());
        }
        throw new IllegalArgumentException("No JSON form for " + value.getClass());
    }
}
