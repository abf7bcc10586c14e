package dev.baton.transfer.control;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionInfoTest {

    private static final int MAX = 4096;
    private static final String INFO = "{\"app\":\"portal\",\"page\":7}";

    private static String unpadded(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String unpadded(String json) {
        return unpadded(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String padded(String json) {
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON object of exactly {@code size} UTF-8 bytes. */
    private static String objectOfSize(int size) {
        return "{\"a\":\"" + "x".repeat(size - 8) + "\"}";
    }

    private static Problem refusal(String header) {
        return assertThrows(BatonException.class, () -> SessionInfo.decode(header, MAX)).problem();
    }

    @Test
    void acceptsPaddedAndUnpaddedBase64url() {
        String json = "{\"k\":\"ab\"}"; // 10 bytes, so the padded form ends in "=="
        JsonObject info = SessionInfo.decode(unpadded(INFO), MAX);
        assertEquals("portal", info.getString("app"));
        assertEquals(7, info.getInt("page"));
        assertEquals("ab", SessionInfo.decode(padded(json), MAX).getString("k"));
        assertEquals("ab", SessionInfo.decode(unpadded(json), MAX).getString("k"));
    }

    @Test
    void acceptsTheUrlSafeAlphabet() {
        String json = "{\"k\":\"??>>\"}";
        String header = unpadded(json);
        assertTrue(header.contains("_") || header.contains("-"), header);
        assertEquals("??>>", SessionInfo.decode(header, MAX).getString("k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not base64!", "e30+", "e30/", "a"})
    void refusesMissingOrNonBase64url(String header) {
        assertEquals(Problem.SESSION_INFO_INVALID, refusal(header));
    }

    @Test
    void refusesAMissingHeader() {
        assertEquals(Problem.SESSION_INFO_INVALID, refusal(null));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] json = {'{', '"', 'k', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals(Problem.SESSION_INFO_INVALID, refusal(unpadded(json)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42", "{\"a\":1} trailing", "{\"a\":1}{}", "{\"a\":", "not json"})
    void refusesAnythingButOneJsonObject(String json) {
        assertEquals(Problem.SESSION_INFO_INVALID, refusal(unpadded(json)));
    }

    @Test
    void refusesANameTwiceNamingIt() {
        BatonException e = assertThrows(BatonException.class,
                () -> SessionInfo.decode(unpadded("{\"a\":{\"k\":1,\"k\":2}}"), MAX));
        assertEquals(Problem.SESSION_INFO_INVALID, e.problem());
        assertEquals("'a.k' appears more than once.", e.getMessage());
    }

    @Test
    void refusesNestingDeeperThan64Levels() {
        String deep = "{\"a\":".repeat(65) + "1" + "}".repeat(65);
        assertEquals(Problem.SESSION_INFO_INVALID, refusal(unpadded(deep)));
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 4095, 4094})
    void acceptsExactlyTheLimitPaddedOrNot(int max) {
        String json = objectOfSize(max);
        assertEquals(max, json.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(max - 8, SessionInfo.decode(unpadded(json), max).getString("a").length());
        assertEquals(max - 8, SessionInfo.decode(padded(json), max).getString("a").length());
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 4095, 4094})
    void refusesOneByteOverTheLimitAsTooLarge(int max) {
        String json = objectOfSize(max + 1);
        for (String header : new String[] {unpadded(json), padded(json)}) {
            BatonException e = assertThrows(BatonException.class, () -> SessionInfo.decode(header, max));
            assertEquals(Problem.PAYLOAD_TOO_LARGE, e.problem());
        }
    }
}
