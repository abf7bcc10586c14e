package dev.baton.session.control;

import dev.baton.platform.security.Actor;
import dev.baton.session.entity.Session;
import java.time.Instant;

/**
 * A session is about to end, in the transaction that ends it and with its row locked: observers
 * take down what depends on it (its open transfers) before it is marked ended.
 */
public record SessionEnding(Actor actor, Session session, String reason, Instant at) {
}
