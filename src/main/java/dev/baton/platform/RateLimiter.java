package dev.baton.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters per key (a user, a device). This node's memory holds them; a cluster-wide
 * store replaces the map when Baton runs on several nodes.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int SWEEP_ABOVE = 50_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    /** Counts one call for {@code key}; answers how long to wait when the limit is already used up. */
    public Optional<Duration> acquire(String key, Rate rate) {
        Instant now = clock.instant();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> !now.isBefore(w.end()));
        }
        Window window = windows.compute(key, (k, current) -> current == null || !now.isBefore(current.end())
                ? new Window(now.plus(rate.window()), 1)
                : new Window(current.end(), current.count() + 1));
        return window.count() > rate.count() ? Optional.of(Duration.between(now, window.end())) : Optional.empty();
    }

    private record Window(Instant end, int count) {
    }
}
