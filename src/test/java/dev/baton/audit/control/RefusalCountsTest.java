package dev.baton.audit.control;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalCountsTest {

    private final RefusalCounts counts = new RefusalCounts();

    @Test
    void aKnownUserIsCountedByNameAnUnknownCallerByAddress() {
        counts.add("alice", "10.0.0.1", "forbidden");
        counts.add("alice", "10.0.0.2", "forbidden");
        counts.add(null, "10.0.0.9", "unauthenticated");
        counts.add(null, "10.0.0.9", "unauthenticated");
        counts.add(null, "10.0.0.9", "rate-limited");
        Map<RefusalCounts.Key, AtomicLong> window = counts.drain();
        assertEquals(3, window.size(), window::toString);
        assertEquals(2, window.get(new RefusalCounts.Key("alice", null, "forbidden")).get());
        assertEquals(2, window.get(new RefusalCounts.Key(null, "10.0.0.9", "unauthenticated")).get());
        assertTrue(counts.drain().isEmpty(), "a new window begins empty");
    }

    @Test
    void callersBeyondTheLimitCountAsOthersByReasonAlone() {
        for (int i = 0; i < RefusalCounts.MAX_KEYS + 500; i++) {
            counts.add(null, "2001:db8::" + Integer.toHexString(i), "unauthenticated");
        }
        counts.add("mallory", null, "forbidden");
        Map<RefusalCounts.Key, AtomicLong> window = counts.drain();
        assertEquals(RefusalCounts.MAX_KEYS + 2, window.size(), "the limit, and one key per reason beyond it");
        assertEquals(500, window.get(new RefusalCounts.Key(null, RefusalCounts.OTHERS, "unauthenticated")).get());
        assertEquals(1, window.get(new RefusalCounts.Key(null, RefusalCounts.OTHERS, "forbidden")).get());
    }
}
