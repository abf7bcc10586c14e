package dev.baton.it;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.TestReporter;

/**
 * The seeds of a seeded random test. Every run plays the same seeds, drawn from the test's base
 * seed; {@code -Dbaton.seed=<seed>}, the one name for every seeded test, plays that seed alone, so a
 * failure, which names its seed, is replayed exactly.
 */
final class Seeds {

    static final String PROPERTY = "baton.seed";

    private Seeds() {
    }

    /** {@code count} seeds drawn from {@code base}, or the one {@code -Dbaton.seed} names; says which. */
    static LongStream of(long base, int count, TestReporter reporter) {
        Long replay = Long.getLong(PROPERTY);
        if (replay != null) {
            reporter.publishEntry("seed", replay + " (from -D" + PROPERTY + ")");
            return LongStream.of(replay);
        }
        reporter.publishEntry("seed", count + " seeds drawn from " + base + "; -D" + PROPERTY + "=<seed> replays one");
        return new Random(base).longs(count);
    }
}
