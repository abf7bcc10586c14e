package dev.baton.device.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceProofsTest {

    private static final String CALLED = "http://baton.example:8080/api/v1/sessions/abc";

    @Test
    void theSameUrlMatchesWhateverTheCaseOfSchemeAndHostAndWithoutQuery() {
        assertTrue(DeviceProofs.sameUrl(CALLED, CALLED));
        assertTrue(DeviceProofs.sameUrl("HTTP://Baton.Example:8080/api/v1/sessions/abc?x=1#f", CALLED));
        assertTrue(DeviceProofs.sameUrl("https://baton.example/api", "https://baton.example:443/api"));
    }

    @Test
    void anotherSchemeHostPortOrPathDoesNotMatch() {
        assertFalse(DeviceProofs.sameUrl("https://baton.example:8080/api/v1/sessions/abc", CALLED));
        assertFalse(DeviceProofs.sameUrl("http://evil.example:8080/api/v1/sessions/abc", CALLED));
        assertFalse(DeviceProofs.sameUrl("http://baton.example:8081/api/v1/sessions/abc", CALLED));
        assertFalse(DeviceProofs.sameUrl("http://baton.example:8080/api/v1/sessions/ABC", CALLED));
        assertFalse(DeviceProofs.sameUrl("/api/v1/sessions/abc", CALLED));
        assertFalse(DeviceProofs.sameUrl("not a url", CALLED));
        assertFalse(DeviceProofs.sameUrl(null, CALLED));
    }
}
