package dev.baton.secevent.control;

import dev.baton.platform.time.Schedulers;
import dev.baton.secevent.control.OutboxRows.Pending;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Sends the outbox to the webhook, oldest event first, from one node at a time: the holder of the
 * database lease ({@link #LEASE}, renewed while it sends; a node that dies loses it when it runs
 * out). Every node tries every second and after each commit that wrote an event; one round at a
 * time on a node. An event leaves the outbox only after a 2xx, so it is sent at least once: a node
 * killed between the webhook's answer and the delete sends it again, with the same {@code jti}.
 * <p>
 * Failures back off exponentially from {@link #FIRST_BACKOFF} to {@code baton.events.webhook.max-backoff}.
 * When the webhook as a whole fails (no connection, 5xx, 408, 429) the round stops and the node
 * waits before it tries again, the oldest event first, so an outage keeps the order. When it
 * refuses one token (another 4xx), that event alone waits, and the rest go on. An event that has
 * failed {@link #SET_ASIDE_AFTER} rounds at the head is a suspect: the next event is tried too, and
 * if the webhook takes that one, the suspect is set aside like a refused one, so that no event
 * holds the others back for ever. Events set aside may arrive after later ones; otherwise the order
 * is that of writing, which concurrent transactions do not fix: a receiver orders by {@code iat}
 * and de-duplicates by {@code jti}.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final Duration LEASE = Duration.ofSeconds(20);
    /** Renewed when less than this is left: more than one delivery can take. */
    private static final Duration RENEW_BELOW = Duration.ofSeconds(10);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final long SWEEP_MILLIS = 1000;
    private static final int BATCH = 50;
    static final int SET_ASIDE_AFTER = 5;

    @Inject
    WebhookSettings settings;

    @Inject
    OutboxRows rows;

    @Inject
    Webhook webhook;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService injected;

    private final String me = UUID.randomUUID().toString();
    private final AtomicBoolean due = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile ManagedScheduledExecutorService executor;
    private ScheduledFuture<?> sweep;

    // The sender's view of the webhook; read and written by the one running round only.
    private Instant leaseUntil = Instant.EPOCH;
    private int failedRounds;
    private Instant holdUntil = Instant.MIN;
    private long headId = -1;
    private int headRounds;

    /**
     * Starts the sweep when a webhook is set. The executor is looked up when it was not injected:
     * the bean may be made first by a start-up's EJB work (a prohibition that lapsed while the node
     * was down), when an injected one was seen null (EventHub).
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!settings.enabled()) {
            return;
        }
        executor = Schedulers.orDefault(injected);
        sweep = executor.scheduleWithFixedDelay(this::rounds, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
            try {
                rows.release(me);
            } catch (RuntimeException e) {
                // the lease runs out by itself
            }
        }
    }

    /** An event has committed: send soon. */
    public void nudge() {
        due.set(true);
        ManagedScheduledExecutorService now = executor;
        if (now != null && !running.get()) {
            now.execute(this::rounds);
        }
    }

    private void rounds() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            do {
                due.set(false);
                round();
            } while (due.get());
        } catch (RuntimeException e) {
            // An exception would end the sweep's schedule.
            LOG.warning("Security events not sent (" + e + "); the next round tries again.");
            leaseUntil = Instant.EPOCH;
        } finally {
            running.set(false);
        }
    }

    private void round() {
        if (clock.instant().isBefore(holdUntil) || !leased()) {
            return;
        }
        Pending suspect = null;
        Webhook.Answer suspected = null;
        List<Pending> batch = rows.due(clock.instant(), BATCH);
        for (Pending event : batch) {
            if (!leased()) {
                return;
            }
            Webhook.Answer answer = send(event);
            if (answer.delivered()) {
                rows.delivered(event.id());
                if (suspect != null) {
                    setAside(suspect, suspected);
                    suspect = null;
                }
                webhookAnswers();
            } else if (answer.refusedEvent()) {
                setAside(event, answer);
            } else if (suspect == null && event.id() == headId && headRounds >= SET_ASIDE_AFTER) {
                suspect = event; // stuck at the head for long: does the webhook take the next one?
                suspected = answer;
            } else {
                if (suspect != null) {
                    rows.failed(suspect.id(), suspected.description(), clock.instant());
                }
                rows.failed(event.id(), answer.description(), clock.instant());
                webhookFails(suspect != null ? suspect : event, answer);
                return;
            }
        }
        if (suspect != null) {
            rows.failed(suspect.id(), suspected.description(), clock.instant());
            webhookFails(suspect, suspected); // nothing behind it to tell a refused event from a webhook down
        } else if (batch.size() == BATCH) {
            due.set(true); // more are waiting
        }
    }

    private Webhook.Answer send(Pending event) {
        WebhookSettings.Target target = settings.target();
        return webhook.post(target.url(), SecurityEventTokens.sign(event.claims(), target.url().toString(), target.key()));
    }

    /** The webhook takes others but not this one: it waits on its own schedule, and the others go on. */
    private void setAside(Pending event, Webhook.Answer answer) {
        Duration wait = backoff(event.attempts() + 1);
        rows.failed(event.id(), answer.description(), clock.instant().plus(wait));
        LOG.warning(() -> "Security event " + event.jti() + " (" + event.type() + ") not delivered: " + answer.description()
                + "; it is tried again in " + wait.toSeconds() + " s, the others go on");
    }

    /** Holds the lease for one more delivery at least; takes it if it is free. */
    private boolean leased() {
        Instant now = clock.instant();
        if (Duration.between(now, leaseUntil).compareTo(RENEW_BELOW) > 0) {
            return true;
        }
        boolean held = leaseUntil.isAfter(now);
        if (rows.lease(me, now, now.plus(LEASE))) {
            if (!held) {
                LOG.info("This node sends the security events now");
            }
            leaseUntil = now.plus(LEASE);
            return true;
        }
        leaseUntil = Instant.EPOCH;
        return false;
    }

    private void webhookAnswers() {
        if (failedRounds > 0) {
            LOG.info("The webhook takes security events again, after " + failedRounds + " failed round(s)");
        }
        failedRounds = 0;
        holdUntil = Instant.MIN;
        headId = -1;
        headRounds = 0;
    }

    private void webhookFails(Pending event, Webhook.Answer answer) {
        failedRounds++;
        Duration wait = backoff(failedRounds);
        holdUntil = clock.instant().plus(wait);
        headRounds = event.id() == headId ? headRounds + 1 : 1;
        headId = event.id();
        LOG.warning(() -> "The webhook takes no security events (" + answer.description() + ", event " + event.jti()
                + "); the next try in " + wait.toSeconds() + " s");
    }

    /** The wait after {@code failures} failures in a row: doubling from the first, up to the setting. */
    Duration backoff(int failures) {
        return backoff(failures, FIRST_BACKOFF, settings.maxBackoff());
    }

    static Duration backoff(int failures, Duration first, Duration max) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
