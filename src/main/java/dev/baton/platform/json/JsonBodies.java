package dev.baton.platform.json;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads untrusted JSON: strict UTF-8, one object and nothing after it, nested at most 64 levels.
 * Failures carry the problem the caller chose (a body is {@code invalid-request}, session
 * information is {@code session-info-invalid}).
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject object(byte[] bytes, Problem onError) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BatonException(onError, "Not valid UTF-8.");
        }
        return object(text, onError);
    }

    public static JsonObject object(String text, Problem onError) {
        try {
            checkShape(text, onError);
            try (JsonReader reader = Jsons.JSON.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        } catch (JsonException | IllegalStateException e) {
            throw new BatonException(onError, "Not a valid JSON object.");
        }
    }

    private static void checkShape(String text, Problem onError) {
        try (JsonParser parser = Jsons.JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new BatonException(onError, "Expected a JSON object.");
            }
            int depth = 1;
            while (depth > 0) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    if (++depth > StrictJsonParser.MAX_DEPTH) {
                        throw new BatonException(onError, "Nested deeper than " + StrictJsonParser.MAX_DEPTH + " levels.");
                    }
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
            }
            if (parser.hasNext()) {
                throw new BatonException(onError, "Content after the JSON object.");
            }
        }
    }
}
