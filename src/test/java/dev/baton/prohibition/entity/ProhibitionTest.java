package dev.baton.prohibition.entity;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProhibitionTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant UNTIL = START.plus(Duration.ofMinutes(5));

    private static Prohibition until(Instant untilAt) {
        return new Prohibition("alice", "session-1", "desktop-1", "transfer-1", START, untilAt);
    }

    @Test
    void holdsFromItsStartUntilJustBeforeItsEnd() {
        Prohibition prohibition = until(UNTIL);
        assertTrue(prohibition.holdsAt(START));
        assertTrue(prohibition.holdsAt(UNTIL.minusNanos(1)));
    }

    @Test
    void noLongerHoldsAtOrAfterItsEnd() {
        Prohibition prohibition = until(UNTIL);
        assertFalse(prohibition.holdsAt(UNTIL));
        assertFalse(prohibition.holdsAt(UNTIL.plusSeconds(1)));
    }

    @Test
    void refusesToEndAtOrBeforeItsStart() {
        assertThrows(IllegalArgumentException.class, () -> until(START));
        assertThrows(IllegalArgumentException.class, () -> until(START.minusSeconds(1)));
    }
}
