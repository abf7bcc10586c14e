package dev.baton.platform.json;

import dev.baton.platform.problem.BatonException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Records in lists, whole numbers and instants: bound strictly, each refusal naming the member by its path. */
class JsonRequestReaderNestedTest {

    public record Mark(Long seq, Instant at) {
    }

    public record Marks(List<Mark> marks) {
    }

    private static Marks read(String json) {
        return JsonRequestReader.read(Marks.class, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String refusal(String json) {
        return assertThrows(BatonException.class, () -> read(json), json).getMessage();
    }

    @Test
    void bindsRecordsInAList() {
        assertEquals(new Marks(List.of(new Mark(3L, Instant.parse("2026-11-28T13:37:10.032678Z")))),
                read("{\"marks\":[{\"seq\":3,\"at\":\"2026-11-28T13:37:10.032678Z\"}]}"));
    }

    @Test
    void refusesAnUnknownMemberOfANestedRecordNamingItsPath() {
        assertEquals("'marks.colour' is not a known field.", refusal("{\"marks\":[{\"seq\":3,\"colour\":\"red\"}]}"));
        assertEquals("'marks' has the wrong type.", refusal("{\"marks\":[\"text\"]}"));
    }

    @Test
    void takesOnlyWholeNumbersAsNumbers() {
        assertEquals("'marks.seq' must be a whole number.", refusal("{\"marks\":[{\"seq\":\"3\"}]}"));
        assertEquals("'marks.seq' must be a whole number.", refusal("{\"marks\":[{\"seq\":3.5}]}"));
        assertEquals("'marks.seq' is out of range.", refusal("{\"marks\":[{\"seq\":92233720368547758070}]}"));
    }

    @Test
    void takesInstantsAsBatonWritesThem() {
        assertEquals("'marks.at' must be an instant in UTC, as 2026-11-28T13:37:10Z.", refusal("{\"marks\":[{\"at\":\"yesterday\"}]}"));
        assertEquals("'marks.at' must be an instant in UTC, as 2026-11-28T13:37:10Z.", refusal("{\"marks\":[{\"at\":1}]}"));
    }
}
