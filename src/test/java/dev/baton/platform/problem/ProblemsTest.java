package dev.baton.platform.problem;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemsTest {

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertEquals(2, Problems.retryAfterSeconds(Duration.ofSeconds(2)));
        assertEquals(3, Problems.retryAfterSeconds(Duration.ofMillis(2001)));
        assertEquals(2, Problems.retryAfterSeconds(Duration.ofSeconds(1, 999_999_999)));
        assertEquals(60, Problems.retryAfterSeconds(Duration.ofMinutes(1)));
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertEquals(1, Problems.retryAfterSeconds(Duration.ofNanos(1)));
        assertEquals(1, Problems.retryAfterSeconds(Duration.ZERO));
        assertEquals(1, Problems.retryAfterSeconds(Duration.ofMillis(-500)));
    }
}
