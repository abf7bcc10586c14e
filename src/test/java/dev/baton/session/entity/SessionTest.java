package dev.baton.session.entity;

import dev.baton.platform.security.Tokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final String TOKEN = "session-token";

    private final Session session = new Session("alice", "portal", "{\"page\":1}", "desktop-1",
            Tokens.hash(TOKEN), NOW, ABSOLUTE);

    @Test
    void isActiveUntilTheIdleTimeoutPasses() {
        assertTrue(session.isActive(NOW.plus(IDLE).minusNanos(1), IDLE));
        assertFalse(session.isActive(NOW.plus(IDLE), IDLE));
    }

    @Test
    void activityExtendsTheIdleTimeoutButNotTheAbsoluteOne() {
        Instant nearTheEnd = NOW.plus(ABSOLUTE).minus(Duration.ofMinutes(10));
        session.touch(nearTheEnd);
        assertEquals(NOW.plus(ABSOLUTE), session.expiresAt(IDLE));
        assertTrue(session.isActive(nearTheEnd.plus(Duration.ofMinutes(9)), IDLE));
        assertFalse(session.isActive(NOW.plus(ABSOLUTE), IDLE));
    }

    @Test
    void expiresAtTheEarlierOfIdleAndAbsoluteTimeout() {
        assertEquals(NOW.plus(IDLE), session.expiresAt(IDLE));
        assertEquals(NOW.plus(ABSOLUTE), session.expiresAt(ABSOLUTE.plusHours(1)));
    }

    @Test
    void activityIsRecordedToATwentiethOfTheIdleTimeoutAtMostAMinute() {
        assertEquals(Duration.ofMinutes(1), Session.activityResolution(IDLE));
        assertEquals(Duration.ofSeconds(1), Session.activityResolution(Duration.ofSeconds(20)));

        assertFalse(session.activityDue(NOW.plusSeconds(59), IDLE));
        assertTrue(session.activityDue(NOW.plusSeconds(60), IDLE));
    }

    @Test
    void replacesStateOnlyForTheCurrentVersion() {
        Instant later = NOW.plusSeconds(60);
        assertFalse(session.replaceState("{\"page\":9}", 0, later));
        assertEquals(1, session.stateVersion());
        assertEquals("{\"page\":1}", session.state());

        assertTrue(session.replaceState("{\"page\":2}", 1, later));
        assertEquals(2, session.stateVersion());
        assertEquals("{\"page\":2}", session.state());
        assertEquals(later, session.lastActivityAt());
        assertFalse(session.replaceState("{\"page\":3}", 1, later));
    }

    @Test
    void moveToRotatesTheTokenAndShutsOutTheOldDevice() {
        assertTrue(session.admits("desktop-1", TOKEN));
        session.moveTo("phone-1", Tokens.hash("new-token"), NOW.plusSeconds(5));

        assertTrue(session.admits("phone-1", "new-token"));
        assertFalse(session.admits("phone-1", TOKEN));
        assertFalse(session.admits("desktop-1", TOKEN));
        assertFalse(session.admits("desktop-1", "new-token"));
        assertTrue(session.isHeldBy("phone-1"));
    }

    @Test
    void endKillsTheTokenAndIsIdempotent() {
        Instant end = NOW.plusSeconds(5);
        assertTrue(session.end(end));
        assertFalse(session.admits("desktop-1", TOKEN));
        assertFalse(session.isActive(end, IDLE));
        assertFalse(session.end(end.plusSeconds(1)));
        assertEquals(end, session.endedAt());
    }
}
