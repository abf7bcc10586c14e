package dev.baton.platform.ratelimit;

import dev.baton.platform.cluster.Counters;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Fixed windows per key (a user, a device), aligned to the epoch so that every node agrees where a
 * window starts; the counts are {@link Counters} shared by the whole cluster.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    Clock clock;

    @Inject
    Counters counters;

    /** Counts one call for {@code key}; answers how long to wait when the limit is already used up. */
    public Optional<Duration> acquire(String key, Rate rate) {
        Instant now = clock.instant();
        long window = rate.window().toMillis();
        long index = now.toEpochMilli() / window;
        long count = counters.increment(key + "@" + index, rate.window());
        return count > rate.count()
                ? Optional.of(Duration.between(now, Instant.ofEpochMilli((index + 1) * window)))
                : Optional.empty();
    }

    /** Counts one call for {@code key}; refuses it ({@code rate-limited}, with Retry-After) when the limit is used up. */
    public void check(String key, Rate rate) {
        acquire(key, rate).ifPresent(wait -> {
            throw new BatonException(Problem.RATE_LIMITED, "Too many requests; retry later.", wait, Map.of());
        });
    }
}
