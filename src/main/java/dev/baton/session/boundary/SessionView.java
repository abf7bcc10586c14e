package dev.baton.session.boundary;

import dev.baton.platform.json.JsonBodies;
import dev.baton.platform.json.Jsons;
import dev.baton.platform.problem.Problem;
import dev.baton.session.entity.Session;
import jakarta.json.JsonObject;
import java.time.Duration;

/** A session as clients see it: its summary to any device of the owner's, the state only to the holding device. */
public final class SessionView {

    private SessionView() {
    }

    public static JsonObject summary(Session session, Duration idleTimeout) {
        return Jsons.object(
                "id", session.id(),
                "application", session.application(),
                "version", session.stateVersion(),
                "holderDeviceId", session.holderDeviceId(),
                "createdAt", session.createdAt(),
                "lastActivityAt", session.lastActivityAt(),
                "expiresAt", session.expiresAt(idleTimeout));
    }

    public static JsonObject withState(Session session, Duration idleTimeout) {
        return Jsons.extend(summary(session, idleTimeout), "state", JsonBodies.object(session.state(), Problem.INTERNAL));
    }
}
