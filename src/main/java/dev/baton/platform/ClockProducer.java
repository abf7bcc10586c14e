package dev.baton.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of time, so tests can fix it. */
@ApplicationScoped
public class ClockProducer {

    private static final Clock UTC = Clock.systemUTC();

    @Produces
    Clock clock() {
        return UTC;
    }
}
