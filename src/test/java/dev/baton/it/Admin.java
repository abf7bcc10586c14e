package dev.baton.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** An admin of their own for each test (so that the audit tells their calls apart), calling the admin API. */
public final class Admin {

    public final Api api;
    public final String user;
    private final String token;

    private Admin(Api api, String user, String token) {
        this.api = api;
        this.user = user;
        this.token = token;
    }

    /** An admin holding {@code baton-admin} alone. */
    public static Admin fresh() {
        return fresh(new Api(SharedBaton.server().base()));
    }

    /** The same, calling through {@code api}. */
    public static Admin fresh(Api api) {
        String user = "admin-" + UUID.randomUUID();
        return new Admin(api, user, SharedBaton.issuer().token(user, "baton-admin"));
    }

    /** {@code GET /admin/users/{user}}. */
    public Reply view(String user) {
        return as(token, "GET", user, "");
    }

    /** {@code DELETE /admin/users/{user}/sessions}. */
    public Reply endSessions(String user) {
        return as(token, "DELETE", user, "/sessions");
    }

    /** {@code DELETE /admin/users/{user}/devices}. */
    public Reply revokeDevices(String user) {
        return as(token, "DELETE", user, "/devices");
    }

    /** The admin API called with any bearer token; {@code user} is put into the path percent-encoded. */
    public Reply as(String bearer, String method, String user, String rest) {
        return api.call(method, "admin/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8).replace("+", "%20") + rest)
                .bearer(bearer).send();
    }
}
