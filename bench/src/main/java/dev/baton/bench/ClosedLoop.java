package dev.baton.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop generator: each user is one platform thread that sends, waits for the answer and
 * sends again, so the load is exactly the number of users. All users set up first (in parallel),
 * then run together: the warm-up's iterations are discarded, the measured window's are recorded.
 * Every loop is bounded in time (the window's end) and in count ({@code maxIterations}).
 */
final class ClosedLoop {

    /** One simulated user. */
    interface User {
        /** Gets what the user needs before the clock starts: tokens, devices, a session. */
        void setUp() throws Exception;

        /** One iteration; answers the latency to record, in nanoseconds. */
        long iterate() throws Exception;
    }

    /** Highest latency recorded: ten minutes, in microseconds. */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(5);

    private ClosedLoop() {
    }

    static Result run(Result.Key key, List<? extends User> users, Duration warmUp, Duration measure, long maxIterations)
            throws InterruptedException {
        int n = users.size();
        Histogram[] latencies = new Histogram[n];
        @SuppressWarnings("unchecked")
        Map<String, Long>[] errors = new Map[n];
        String[] setupFailure = new String[1];
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            int u = i;
            latencies[u] = new Histogram(HIGHEST_MICROS, 3);
            errors[u] = new HashMap<>();
            threads[u] = new Thread(() -> {
                try {
                    users.get(u).setUp();
                } catch (Exception e) {
                    synchronized (setupFailure) {
                        setupFailure[0] = "user " + u + ": " + e;
                    }
                    ready.countDown();
                    return;
                }
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                loop(users.get(u), window[0], window[1], maxIterations, latencies[u], errors[u]);
            }, key.scenario() + "-" + u);
            threads[u].start();
        }
        if (!ready.await(SETUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS) || setupFailure[0] != null) {
            go.countDown();
            throw new IllegalStateException("set-up failed for " + key + ": " + setupFailure[0]);
        }
        long start = System.nanoTime();
        window[0] = start + warmUp.toNanos();
        window[1] = window[0] + measure.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join(warmUp.plus(measure).plusMinutes(2).toMillis());
        }
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        Map<String, Long> allErrors = new HashMap<>();
        for (int i = 0; i < n; i++) {
            all.add(latencies[i]);
            errors[i].forEach((k, v) -> allErrors.merge(k, v, Long::sum));
        }
        double seconds = Math.min(measure.toNanos(), System.nanoTime() - window[0]) / 1e9;
        return new Result(key, seconds, all, allErrors);
    }

    private static void loop(User user, long measureFrom, long end, long maxIterations, Histogram latencies,
                             Map<String, Long> errors) {
        for (long i = 0; i < maxIterations; i++) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
                return;
            }
            boolean measured = t0 >= measureFrom;
            try {
                long latency = user.iterate();
                if (measured && System.nanoTime() <= end) {
                    latencies.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, latency / 1_000)));
                }
            } catch (Refused refused) {
                if (measured) {
                    errors.merge(refused.getMessage(), 1L, Long::sum);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (measured) {
                    errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                }
            }
        }
    }
}
