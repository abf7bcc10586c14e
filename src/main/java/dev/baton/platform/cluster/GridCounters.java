package dev.baton.platform.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * {@link Counters} in Payara's data grid (JCache), so every node counts against the same number.
 * An increment is a compare-and-set on the grid; a counter's expiry runs from its creation and is
 * not renewed by updates (JCache's created-expiry policy). One cache per lifetime.
 */
@ApplicationScoped
public class GridCounters implements Counters {

    /** Compare-and-set rounds before a counter under heavy contention is answered as used up. */
    private static final int ROUNDS = 64;

    @Resource(lookup = "payara/CacheManager")
    CacheManager caches;

    private final Map<Duration, Cache<String, Long>> byLifetime = new ConcurrentHashMap<>();

    @Override
    public long increment(String key, Duration lifetime) {
        Cache<String, Long> cache = byLifetime.computeIfAbsent(lifetime, this::cache);
        for (int round = 0; round < ROUNDS; round++) {
            Long current = cache.get(key);
            if (current == null ? cache.putIfAbsent(key, 1L) : cache.replace(key, current, current + 1)) {
                return current == null ? 1 : current + 1;
            }
        }
        return Long.MAX_VALUE;
    }

    private Cache<String, Long> cache(Duration lifetime) {
        String name = "baton-counters-" + lifetime.toMillis() + "ms";
        Cache<String, Long> existing = caches.getCache(name, String.class, Long.class);
        if (existing != null) {
            return existing;
        }
        try {
            return caches.createCache(name, new MutableConfiguration<String, Long>()
                    .setTypes(String.class, Long.class)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, lifetime.toMillis()))));
        } catch (CacheException createdByAnotherNode) {
            return caches.getCache(name, String.class, Long.class);
        }
    }
}
