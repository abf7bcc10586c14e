package dev.baton.audit.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Refusals counted by who was refused (the user, or the address when the caller is unknown) and
 * why, for one window at a time. At most {@link #MAX_KEYS} distinct callers and reasons are told
 * apart per window; beyond that, refusals count under "others" by reason alone, so that callers
 * who vary their address or token cannot make the audit grow with them.
 */
public final class RefusalCounts {

    static final int MAX_KEYS = 1000;
    static final String OTHERS = "others";

    /** Who was refused and why: {@code user} null for a caller Baton does not know. */
    public record Key(String user, String address, String code) {
    }

    private final AtomicReference<Map<Key, AtomicLong>> window = new AtomicReference<>(new ConcurrentHashMap<>());

    void add(String user, String address, String code) {
        Map<Key, AtomicLong> counts = window.get();
        Key key = new Key(user, user == null ? address : null, code);
        if (!counts.containsKey(key) && counts.size() >= MAX_KEYS) {
            key = new Key(null, OTHERS, code);
        }
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** The counts of the window that ends now; a new window begins. */
    Map<Key, AtomicLong> drain() {
        return window.getAndSet(new ConcurrentHashMap<>());
    }
}
