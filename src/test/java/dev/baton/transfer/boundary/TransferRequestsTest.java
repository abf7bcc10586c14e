package dev.baton.transfer.boundary;

import dev.baton.platform.json.JsonRequestReader;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transfer flow's bodies as the strict reader binds them, before Bean Validation. */
class TransferRequestsTest {

    private static <R extends Record> R read(Class<R> type, String json) {
        return JsonRequestReader.read(type, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRestoreTakesAnySessionInfoSoThatOnlyAnObjectPasses() {
        RestoreRequest restore = read(RestoreRequest.class, "{\"restoreToken\":\"t\",\"sessionInfo\":{\"a\":[1]}}");
        assertEquals(Json.createObjectBuilder().add("a", Json.createArrayBuilder().add(1)).build(),
                restore.sessionInfoObject().orElseThrow());
        for (String info : new String[] {"[]", "\"text\"", "7", "null"}) {
            RestoreRequest other = read(RestoreRequest.class, "{\"restoreToken\":\"t\",\"sessionInfo\":" + info + "}");
            assertTrue(other.sessionInfoObject().isEmpty(), info);
        }
        assertTrue(read(RestoreRequest.class, "{\"restoreToken\":\"t\"}").sessionInfoObject().isEmpty());
    }

    @Test
    void aPullNamingATargetIsRefusedNamingIt() {
        BatonException refused = assertThrows(BatonException.class,
                () -> read(PullRequest.class, "{\"sessionId\":\"s\",\"targetDeviceId\":\"d\"}"));
        assertEquals(Problem.INVALID_REQUEST, refused.problem());
        assertEquals("'targetDeviceId' is not a known field.", refused.getMessage());
    }

    @Test
    void aClaimCodeIsAnyStringButOnlyAString() {
        assertEquals("", read(ClaimRequest.class, "{\"claimCode\":\"\"}").claimCode());
        BatonException refused = assertThrows(BatonException.class, () -> read(ClaimRequest.class, "{\"claimCode\":12345678}"));
        assertEquals("'claimCode' must be a string.", refused.getMessage());
    }
}
