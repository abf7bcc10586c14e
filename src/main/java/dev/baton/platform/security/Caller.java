package dev.baton.platform.security;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The request's {@link Actor}, set by {@link AuthenticationFilter} once the JWT is accepted. */
@RequestScoped
public class Caller {

    private Actor actor;

    void set(Actor actor) {
        this.actor = actor;
    }

    /** The actor, if the JWT has been accepted by now. */
    public Optional<Actor> known() {
        return Optional.ofNullable(actor);
    }

    public Actor actor() {
        if (actor == null) {
            throw new BatonException(Problem.UNAUTHENTICATED, "A bearer token is required.");
        }
        return actor;
    }
}
