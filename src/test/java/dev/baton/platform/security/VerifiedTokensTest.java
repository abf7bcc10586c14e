package dev.baton.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final AccessToken ALICE = new AccessToken("alice", Set.of("baton-user"), NOW);

    private final VerifiedTokens verified = new VerifiedTokens(3, Duration.ofMinutes(5));

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        verified.put("token-a", ALICE, NOW.plusSeconds(60), NOW);

        assertEquals(Optional.of(ALICE), verified.get("token-a", NOW.plusSeconds(59)));
        assertEquals(Optional.empty(), verified.get("token-a", NOW.plusSeconds(60)));
        assertEquals(Optional.empty(), verified.get("token-b", NOW), "only the very same token is known");
    }

    @Test
    void noLongerThanTheKeysAreKept() {
        verified.put("token-a", ALICE, NOW.plus(Duration.ofHours(8)), NOW);

        assertTrue(verified.get("token-a", NOW.plus(Duration.ofMinutes(4))).isPresent());
        assertEquals(Optional.empty(), verified.get("token-a", NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void whenFullExpiredEntriesGoFirstThenAll() {
        verified.put("a", ALICE, NOW.plusSeconds(10), NOW);
        verified.put("b", ALICE, NOW.plusSeconds(100), NOW);
        verified.put("c", ALICE, NOW.plusSeconds(100), NOW);

        verified.put("d", ALICE, NOW.plusSeconds(100), NOW.plusSeconds(20));
        assertEquals(3, verified.size(), "the expired one made room");
        assertTrue(verified.get("b", NOW.plusSeconds(20)).isPresent());

        verified.put("e", ALICE, NOW.plusSeconds(100), NOW.plusSeconds(20));
        assertEquals(1, verified.size(), "nothing had expired: all went, the new one stays");
        assertTrue(verified.get("e", NOW.plusSeconds(20)).isPresent());
    }
}
