package dev.baton.prohibition.control;

import java.time.Instant;

/** A prohibition was stored; once its transaction commits, every node arms a timer for its end. */
public record ProhibitionStarted(String id, Instant until) {

    String message() {
        return id + " " + until;
    }

    static ProhibitionStarted parse(String message) {
        int space = message.indexOf(' ');
        return new ProhibitionStarted(message.substring(0, space), Instant.parse(message.substring(space + 1)));
    }
}
