package dev.baton;

import dev.baton.events.control.DeviceEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A failure in the middle of a step, for in-container tests only: a step that fires a device event
 * for a session marked here fails at that point, inside its transaction, after its writes. The
 * event's own observers hear it only after a commit, so what the step wrote must all be gone.
 */
@ApplicationScoped
public class MidwayFault {

    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    /** The next steps on {@code sessionId} that fire a device event fail there. */
    public void failStepsOn(String sessionId) {
        sessions.add(sessionId);
    }

    void fired(@Observes DeviceEvent event) {
        if (event.sessionId() != null && sessions.contains(event.sessionId())) {
            throw new IllegalStateException("A failure mid-way, made by the test");
        }
    }
}
