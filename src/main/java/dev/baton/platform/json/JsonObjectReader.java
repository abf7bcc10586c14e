package dev.baton.platform.json;

import dev.baton.platform.problem.Problem;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a body that is a free-form JSON object as a whole (a session's state) with the checks of
 * {@link JsonRequestReader}: strict UTF-8, one object and nothing after it, nested at most 64 levels,
 * no name twice. Bound to {@link JsonObject} exactly, so it is chosen over JSON-P's own reader.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonObjectReader implements MessageBodyReader<JsonObject> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        // The whole body first, as JsonRequestReader reads it: a body that stops arriving times out (408).
        return JsonRequestReader.object(new ByteArrayInputStream(body.readAllBytes()), Problem.INVALID_REQUEST);
    }
}
