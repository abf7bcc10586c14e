package dev.baton.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one source of time, so tests can fix it. */
@ApplicationScoped
public class ClockProducer {

    /** Microseconds: what the databases store, so an instant reads back as it was answered. */
    private static final Clock UTC = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    @Produces
    Clock clock() {
        return UTC;
    }
}
