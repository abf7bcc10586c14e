package dev.baton.platform.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.yasson.YassonConfig;
import org.eclipse.yasson.YassonJsonb;

/**
 * The one JSON-B configuration, for request records and answers alike: members JSON-B does not know
 * are refused, a string is only a JSON string (Yasson would take {@code 5} and {@code true} as
 * text), a {@code Long} only a JSON number without a fraction, an {@code Instant} only as Baton
 * writes one, enum values are written as Baton writes every code ({@link #enumValue}: lower case,
 * words joined by {@code -}) and read in any case, and {@code null} members are written, so every
 * named member of an answer is present as in {@link Jsons}.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create(new YassonConfig()
            .withFailOnUnknownProperties(true)
            .withNullValues(true)
            .withDeserializers(new Strings(), new WholeNumbers(), new Instants(), new Enums(), new Objects())
            .withSerializers(new LowerCaseEnums()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** An answer record as a JSON object, for answers still assembled by hand around it. */
    public static JsonObject object(Record answer) {
        return (JsonObject) ((YassonJsonb) JSONB).toJsonStructure(answer);
    }

    /** An enum value as answers carry it: {@code AWAITING_APPROVAL} is {@code awaiting-approval}. */
    public static String enumValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The value of {@code type} that {@code text} names, in any case, {@code -} or {@code _} between
     * words ({@code awaiting-approval}, {@code AWAITING_APPROVAL}); {@link IllegalArgumentException} if none.
     */
    public static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A value of the wrong JSON type; the reader names the member it was found in. */
    static final class WrongType extends RuntimeException {
        WrongType(String expected) {
            super(expected, null, false, false);
        }
    }

    static final class Strings implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            // Yasson hands user deserializers a parser without currentEvent(); getValue() works.
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonString string) {
                return string.getString();
            }
            throw new WrongType("must be a string");
        }
    }

    /** A JSON number without a fraction; Yasson would take {@code "3"} and cut {@code 3.5} to 3. */
    static final class WholeNumbers implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number && number.isIntegral()) {
                try {
                    return number.bigIntegerValueExact().longValueExact();
                } catch (ArithmeticException e) {
                    throw new WrongType("is out of range");
                }
            }
            throw new WrongType("must be a whole number");
        }
    }

    /** An instant as Baton writes them ({@code 2026-11-28T13:37:10.032678Z}). */
    static final class Instants implements JsonbDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            try {
                if (value instanceof JsonString string) {
                    return Instant.parse(string.getString());
                }
            } catch (DateTimeParseException e) {
                // answered below
            }
            throw new WrongType("must be an instant in UTC, as 2026-11-28T13:37:10Z");
        }
    }

    /** A JSON object member (a JWK); Yasson would fail on anything else only once the record is built, unnamed. */
    static final class Objects implements JsonbDeserializer<JsonObject> {
        @Override
        public JsonObject deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonObject object) {
                return object;
            }
            throw new WrongType("must be a JSON object");
        }
    }

    /** Any case, {@code -} or {@code _} between words; a raw type, since Yasson matches the binding by class. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class Enums implements JsonbDeserializer<Enum> {
        @Override
        public Enum deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonString string)) {
                throw new WrongType("must be a string");
            }
            try {
                return enumOf((Class) type, string.getString());
            } catch (IllegalArgumentException e) {
                throw new WrongType("is not one of the known values");
            }
        }
    }

    @SuppressWarnings("rawtypes")
    static final class LowerCaseEnums implements JsonbSerializer<Enum> {
        @Override
        public void serialize(Enum value, JsonGenerator generator, SerializationContext context) {
            generator.write(enumValue(value));
        }
    }
}
