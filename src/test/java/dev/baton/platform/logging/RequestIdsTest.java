package dev.baton.platform.logging;

import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RequestIdsTest {

    @Test
    void anIdOfOneTo64SafeCharactersIsTaken() {
        for (String id : new String[] {"a", "req-1.2_3", "x".repeat(64), "0F9e3c1a-77b2-4c2e-9f00-5a0f7b4a9c11"}) {
            assertEquals(id, RequestIds.of(id));
        }
    }

    @Test
    void anythingElseIsReplacedByANewUuid() {
        for (String id : new String[] {null, "", " ", "x".repeat(65), "a b", "a\nb", "ü", "a/b", "a;b", "<script>", "a\"b"}) {
            String made = RequestIds.of(id);
            assertNotEquals(id, made);
            assertEquals(4, UUID.fromString(made).version());
            assertEquals(2, UUID.fromString(made).variant());
        }
    }
}
