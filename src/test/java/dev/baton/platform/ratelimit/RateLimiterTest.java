package dev.baton.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private static final Rate THREE_PER_MINUTE = new Rate(3, Duration.ofMinutes(1));

    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final RateLimiter limiter = new RateLimiter();

    @BeforeEach
    void useTheTestClockAndCountInMemory() {
        limiter.clock = clock;
        Map<String, Long> counts = new HashMap<>();
        limiter.counters = (key, lifetime) -> counts.merge(key, 1L, Long::sum);
    }

    private void useUpTheLimit(String key) {
        for (int call = 1; call <= THREE_PER_MINUTE.count(); call++) {
            assertEquals(Optional.empty(), limiter.acquire(key, THREE_PER_MINUTE), "call " + call);
        }
    }

    @Test
    void callOverTheLimitWaitsForTheRestOfTheWindow() {
        useUpTheLimit("alice");
        clock.advance(Duration.ofSeconds(20));
        Optional<Duration> wait = limiter.acquire("alice", THREE_PER_MINUTE);
        assertEquals(Optional.of(Duration.ofSeconds(40)), wait);
    }

    @Test
    void newWindowPassesAgain() {
        useUpTheLimit("alice");
        assertTrue(limiter.acquire("alice", THREE_PER_MINUTE).isPresent());
        clock.advance(THREE_PER_MINUTE.window());
        useUpTheLimit("alice");
    }

    @Test
    void windowsStartAtTheSameInstantOnEveryNode() {
        clock.advance(Duration.ofSeconds(50));
        useUpTheLimit("alice");
        assertEquals(Optional.of(Duration.ofSeconds(10)), limiter.acquire("alice", THREE_PER_MINUTE));
        clock.advance(Duration.ofSeconds(10));
        useUpTheLimit("alice");
    }

    @Test
    void keysAreCountedApart() {
        useUpTheLimit("alice");
        useUpTheLimit("bob");
        assertTrue(limiter.acquire("alice", THREE_PER_MINUTE).isPresent());
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("Tests run in UTC");
        }
    }
}
