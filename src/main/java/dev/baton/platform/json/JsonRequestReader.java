package dev.baton.platform.json;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.yasson.YassonJsonb;

/**
 * Binds a JSON request body to a record in one pass: strict UTF-8, then {@link StrictJsonParser}'s
 * checks as JSON-B reads the events, then {@link JsonBinding}'s types. Every refusal is
 * {@code invalid-request} and names the member at fault. Bean Validation runs after, on the record.
 * A body that is a free-form object as a whole ({@link JsonObjectReader}) gets the same checks.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonRequestReader implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        // The whole body before parsing: a body that stops arriving is then a read that times out
        // (answered 408), not a JSON object that seems cut short.
        return read(type, new ByteArrayInputStream(body.readAllBytes()));
    }

    /** The record a body holds, or an {@code invalid-request} naming what is wrong. */
    public static <R extends Record> R read(Class<R> type, InputStream body) {
        return parse(body, type, Problem.INVALID_REQUEST, parser -> ((YassonJsonb) JsonBinding.JSONB).fromJson(parser, type));
    }

    /**
     * A free-form JSON object, any members, with the same checks: a body ({@code invalid-request}) or
     * session information a header carries ({@code session-info-invalid}), the detail naming what is wrong.
     */
    public static JsonObject object(InputStream json, Problem onError) {
        return parse(json, JsonObject.class, onError, parser -> {
            parser.next();
            return parser.getObject();
        });
    }

    /** {@code binding} reads the value from the strict parser; what follows it and every failure are judged here. */
    private static <T> T parse(InputStream body, Class<T> type, Problem onError, Function<StrictJsonParser, T> binding) {
        Reader text = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        StrictJsonParser parser = new StrictJsonParser(Jsons.JSON.createParser(text), onError);
        try (parser) {
            T value = binding.apply(parser);
            if (contentAfter(parser)) {
                throw new BatonException(onError, "Content after the JSON object.");
            }
            return value;
        } catch (JsonbException | JsonException | IllegalStateException e) {
            BatonException refusal = refusal(type, parser, e);
            throw refusal.problem() == Problem.INVALID_REQUEST ? new BatonException(onError, refusal.getMessage()) : refusal;
        }
    }

    /** Parsson's {@code hasNext} throws on anything but the end of input after the object. */
    private static boolean contentAfter(StrictJsonParser parser) {
        try {
            return parser.hasNext();
        } catch (JsonException e) {
            return true;
        }
    }

    private static BatonException refusal(Class<?> type, StrictJsonParser parser, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatonException refusal) {
                return refusal;
            }
            if (cause instanceof CharacterCodingException) {
                return invalid("Not valid UTF-8.");
            }
            if (cause instanceof JsonParsingException) {
                return invalid(parser.started() ? "Not a valid JSON object." : "Expected a JSON object.");
            }
            if (cause instanceof JsonBinding.WrongType wrong) {
                return invalid("'" + parser.field() + "' " + wrong.getMessage() + ".");
            }
        }
        if (!parser.started()) {
            return invalid("Expected a JSON object.");
        }
        if (e instanceof JsonbException && type.isRecord()) {
            String field = parser.field();
            if (!field.isEmpty() && !known(type, field)) {
                return invalid("'" + field + "' is not a known field.");
            }
            // Past a value of the wrong shape, JSON-B has read on to the next member or the end.
            boolean readPast = field.isEmpty() || parser.currentEvent() == JsonParser.Event.KEY_NAME;
            String wrong = readPast ? parser.member() : field;
            if (!wrong.isEmpty()) {
                return invalid("'" + wrong + "' has the wrong type.");
            }
        }
        return invalid("Not a valid JSON object.");
    }

    /** Whether {@code field}, a dotted path, names a member at each step, through records and lists of them. */
    private static boolean known(Type type, String field) {
        for (String name : field.split("\\.")) {
            Class<?> record = recordOf(type);
            if (record == null) {
                return true; // a free-form object: any member is known
            }
            Optional<RecordComponent> member = Arrays.stream(record.getRecordComponents())
                    .filter(component -> component.getName().equals(name))
                    .findFirst();
            if (member.isEmpty()) {
                return false;
            }
            type = member.get().getGenericType();
        }
        return true;
    }

    /** The record {@code type} is, or holds the elements of ({@code List<Checkpoint>}); null if neither. */
    private static Class<?> recordOf(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord() ? c : null;
        }
        if (type instanceof ParameterizedType list && list.getActualTypeArguments().length == 1) {
            return recordOf(list.getActualTypeArguments()[0]);
        }
        return null;
    }

    private static BatonException invalid(String detail) {
        return new BatonException(Problem.INVALID_REQUEST, detail);
    }
}
