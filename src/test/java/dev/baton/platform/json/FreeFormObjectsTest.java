package dev.baton.platform.json;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Free-form objects (a state body, session information) through {@link JsonRequestReader#object}. */
class FreeFormObjectsTest {

    /** An object {@code depth} levels deep, alternating objects and arrays. */
    private static String nested(int depth) {
        StringBuilder open = new StringBuilder("{\"a\":");
        StringBuilder close = new StringBuilder("}");
        for (int level = 2; level <= depth; level++) {
            boolean array = level % 2 == 0;
            open.append(array ? "[" : "{\"a\":");
            close.insert(0, array ? "]" : "}");
        }
        return open + "1" + close;
    }

    private static Problem refusal(byte[] body) {
        return assertThrows(BatonException.class, () -> JsonRequestReader.object(new ByteArrayInputStream(body), Problem.INVALID_REQUEST)).problem();
    }

    @Test
    void acceptsAnObjectNested64LevelsDeep() {
        byte[] body = nested(StrictJsonParser.MAX_DEPTH).getBytes(StandardCharsets.UTF_8);
        assertEquals(1, JsonRequestReader.object(new ByteArrayInputStream(body), Problem.INVALID_REQUEST).size());
    }

    @Test
    void refusesAnObjectNested65LevelsDeep() {
        assertEquals(Problem.INVALID_REQUEST, refusal(nested(65).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', (byte) 0xFF, '"', ':', '1', '}'};
        assertEquals(Problem.INVALID_REQUEST, refusal(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "true", "\"x\"", "", "{", "{} {}"})
    void refusesAnythingButOneObject(String text) {
        assertEquals(Problem.INVALID_REQUEST, refusal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void failuresCarryTheProblemTheCallerChose() {
        BatonException e = assertThrows(BatonException.class,
                () -> JsonRequestReader.object(new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)), Problem.SESSION_INFO_INVALID));
        assertEquals(Problem.SESSION_INFO_INVALID, e.problem());
    }
}
