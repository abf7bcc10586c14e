package dev.baton.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Calls made at the same moment: one thread each, held at a gate until all are ready, so the
 * server sees them together rather than in the order the threads happened to start.
 */
public final class Race {

    /** Enough callers to overlap on the server's request threads, few enough for two cores. */
    public static final int CALLERS = 32;

    private Race() {
    }

    /** {@link #CALLERS} calls at once; caller {@code i} makes {@code call.apply(i)}. Replies in caller order. */
    public static List<Reply> of(IntFunction<Reply> call) throws Exception {
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            int caller = i;
            calls.add(() -> call.apply(caller));
        }
        return all(calls);
    }

    /** All {@code calls} at once; replies in the order of the calls. */
    public static List<Reply> all(List<Callable<Reply>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Reply>> pending = new ArrayList<>();
            for (Callable<Reply> call : calls) {
                pending.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pending) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The one reply with {@code winning} status, after checking every other has one of {@code losing}. */
    public static Reply onlyWinner(List<Reply> replies, int winning, Set<Integer> losing) {
        List<Reply> winners = replies.stream().filter(r -> r.status() == winning).toList();
        assertEquals(1, winners.size(), () -> statuses(replies));
        assertTrue(replies.stream().allMatch(r -> r.status() == winning || losing.contains(r.status())), () -> statuses(replies));
        return winners.get(0);
    }

    /** The statuses, with the body of each refusal: what a failed race assertion shows. */
    public static String statuses(List<Reply> replies) {
        return replies.stream().map(r -> r.status() + (r.status() >= 400 ? " " + r.text() : "")).toList().toString();
    }
}
