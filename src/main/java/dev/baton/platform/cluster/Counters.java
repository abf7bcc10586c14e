package dev.baton.platform.cluster;

import java.time.Duration;

/** Counters shared by every node, each dropped a while after it was created. */
public interface Counters {

    /**
     * Adds one to {@code key} (a new key starts at one) and answers the new count; the counter is
     * dropped {@code lifetime} after it was created.
     */
    long increment(String key, Duration lifetime);
}
