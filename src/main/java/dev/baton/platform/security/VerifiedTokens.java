package dev.baton.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens verified moments ago, so that a client calling again with the same token is not
 * verified again (an RSA signature check and the JSON parse were ~8% of a call's CPU in JFR).
 * Kept by the token's hash, never the token; until the token expires, and no longer than the
 * identity provider's keys are kept, so a key the IdP withdraws stops counting as soon as it would
 * without this cache. Only successes are kept: a refused token is checked again every time. At most
 * {@code capacity} entries: when full, expired ones go, and if none has, all of them.
 */
final class VerifiedTokens {

    private record Entry(AccessToken token, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Duration keep;

    VerifiedTokens(int capacity, Duration keep) {
        this.capacity = capacity;
        this.keep = keep;
    }

    Optional<AccessToken> get(String token, Instant now) {
        Entry entry = entries.get(Tokens.hash(token));
        return entry != null && now.isBefore(entry.until()) ? Optional.of(entry.token()) : Optional.empty();
    }

    /** Keeps {@code verified} until {@code expiresAt}, or for {@code keep} if that comes first. */
    void put(String token, AccessToken verified, Instant expiresAt, Instant now) {
        if (entries.size() >= capacity) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        Instant until = now.plus(keep);
        entries.put(Tokens.hash(token), new Entry(verified, expiresAt.isBefore(until) ? expiresAt : until));
    }

    int size() {
        return entries.size();
    }
}
