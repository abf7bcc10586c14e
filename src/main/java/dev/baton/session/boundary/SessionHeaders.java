package dev.baton.session.boundary;

/**
 * The header that carries a session's token: only the holding device has the current one, and every
 * call on the session (and a transfer request from it) shows it.
 */
public final class SessionHeaders {

    public static final String SESSION_TOKEN = "Baton-Session-Token";

    private SessionHeaders() {
    }
}
