package dev.baton.platform.json;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonRequestReaderTest {

    public enum Shade { LIGHT, DARK }

    public record Paint(String name, Shade shade, JsonObject extra, List<String> tags) {
    }

    public record Answer(String id, Shade shade, String missing, Instant at) {
    }

    private static Paint read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Paint read(byte[] json) {
        return JsonRequestReader.read(Paint.class, new ByteArrayInputStream(json));
    }

    private static String refusal(String json) {
        BatonException refused = assertThrows(BatonException.class, () -> read(json), json);
        assertEquals(Problem.INVALID_REQUEST, refused.problem());
        return refused.getMessage();
    }

    @Test
    void bindsMembersEnumsInAnyCaseAndNestedObjects() {
        Paint paint = read("{\"name\":\"red\",\"shade\":\"Dark\",\"extra\":{\"a\":[1,{\"b\":true}]}}");
        assertEquals(new Paint("red", Shade.DARK, paint.extra(), null), paint);
        assertEquals("{\"a\":[1,{\"b\":true}]}", paint.extra().toString());
        assertNull(read("{}").name(), "an absent member is null, for Bean Validation to judge");
    }

    @Test
    void refusesADuplicateNameNamingIt() {
        assertEquals("'shade' appears more than once.", refusal("{\"shade\":\"light\",\"shade\":\"dark\"}"));
        assertEquals("'extra.k' appears more than once.", refusal("{\"extra\":{\"k\":1,\"k\":2}}"));
    }

    @Test
    void refusesAnUnknownMemberNamingIt() {
        assertEquals("'colour' is not a known field.", refusal("{\"name\":\"red\",\"colour\":\"blue\"}"));
    }

    @Test
    void refusesWrongTypesNamingTheMember() {
        assertEquals("'name' must be a string.", refusal("{\"name\":5}"));
        assertEquals("'name' must be a string.", refusal("{\"name\":true}"));
        assertEquals("'name' must be a string.", refusal("{\"name\":{}}"));
        assertEquals("'shade' must be a string.", refusal("{\"shade\":1}"));
        assertEquals("'shade' is not one of the known values.", refusal("{\"shade\":\"plaid\"}"));
        assertEquals("'extra' must be a JSON object.", refusal("{\"extra\":\"text\"}"));
        assertEquals("'tags' must be a string.", refusal("{\"tags\":[1]}"));
        assertEquals("'tags' has the wrong type.", refusal("{\"tags\":\"red\",\"name\":\"red\"}"));
        assertEquals("'tags' has the wrong type.", refusal("{\"name\":\"red\",\"tags\":5}"));
        assertEquals("'tags' has the wrong type.", refusal("{\"tags\":{}}"));
    }

    @Test
    void refusesWhatIsNotOneObjectOfValidUtf8() {
        assertEquals("Expected a JSON object.", refusal("[]"));
        assertEquals("Content after the JSON object.", refusal("{} {}"));
        assertEquals("Not a valid JSON object.", refusal("{\"name\":"));
        assertEquals("Expected a JSON object.", refusal(""));
        BatonException utf8 = assertThrows(BatonException.class,
                () -> read(new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        assertEquals("Not valid UTF-8.", utf8.getMessage());
    }

    @Test
    void refusesNestingDeeperThan64Levels() {
        String deep = "{\"extra\":" + "{\"a\":".repeat(63) + "1" + "}".repeat(63) + "}";
        assertEquals(1, read(deep).extra().size());
        assertEquals("Nested deeper than 64 levels.", refusal("{\"extra\":" + "{\"a\":".repeat(64) + "1" + "}".repeat(64) + "}"));
    }

    @Test
    void aFreeFormObjectGetsTheSameChecks() {
        JsonObject free = object("{\"a\":[1,{\"b\":null}],\"n\":1e400}");
        assertEquals("[1,{\"b\":null}]", free.get("a").toString());
        assertEquals(new BigDecimal("1e400"), free.getJsonNumber("n").bigDecimalValue(), "numbers kept exactly");
        assertEquals("'a.k' appears more than once.", objectRefusal("{\"a\":{\"k\":1,\"k\":2}}"));
        assertEquals("Nested deeper than 64 levels.", objectRefusal("{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}"));
        assertEquals(1, object("{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}").size(), "64 levels, the object's own included");
        assertEquals("Content after the JSON object.", objectRefusal("{} []"));
        assertEquals("Expected a JSON object.", objectRefusal("[]"));
        assertEquals("Expected a JSON object.", objectRefusal("\"text\""));
        assertEquals("Not a valid JSON object.", objectRefusal("{\"a\":1,}"));
        BatonException utf8 = assertThrows(BatonException.class,
                () -> JsonRequestReader.object(new ByteArrayInputStream(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}), Problem.INVALID_REQUEST));
        assertEquals("Not valid UTF-8.", utf8.getMessage());
    }

    private static JsonObject object(String json) {
        return JsonRequestReader.object(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Problem.INVALID_REQUEST);
    }

    private static String objectRefusal(String json) {
        BatonException refused = assertThrows(BatonException.class, () -> object(json), json);
        assertEquals(Problem.INVALID_REQUEST, refused.problem());
        return refused.getMessage();
    }

    @Test
    void answersWriteEveryMemberNullsIncludedAndEnumsInLowerCase() {
        String json = JsonBinding.JSONB.toJson(new Answer("d1", Shade.DARK, null, Instant.parse("2026-12-01T10:00:00.123456Z")));
        assertEquals("{\"at\":\"2026-12-01T10:00:00.123456Z\",\"id\":\"d1\",\"missing\":null,\"shade\":\"dark\"}", json);
    }
}
