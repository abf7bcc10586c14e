package dev.baton.platform.json;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Typed, bounded reads of a request body's members; anything else is {@code invalid-request}. */
public final class Fields {

    private Fields() {
    }

    public static String text(JsonObject body, String name, int maxLength) {
        return optionalText(body, name, maxLength)
                .orElseThrow(() -> invalid("'" + name + "' is required."));
    }

    public static Optional<String> optionalText(JsonObject body, String name, int maxLength) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string)) {
            throw invalid("'" + name + "' must be a string.");
        }
        String text = string.getString();
        if (text.isBlank() || text.length() > maxLength) {
            throw invalid("'" + name + "' must be 1 to " + maxLength + " characters.");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw invalid("'" + name + "' must not contain control characters.");
        }
        return Optional.of(text);
    }

    public static <E extends Enum<E>> E choice(JsonObject body, String name, Class<E> type) {
        String text = text(body, name, 32);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("'" + name + "' is not one of the known values.");
        }
    }

    public static JsonObject object(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonObject object)) {
            throw invalid("'" + name + "' must be a JSON object.");
        }
        return object;
    }

    public static BatonException invalid(String detail) {
        return new BatonException(Problem.INVALID_REQUEST, detail);
    }
}
