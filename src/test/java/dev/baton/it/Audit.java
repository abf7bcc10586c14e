package dev.baton.it;

import jakarta.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads the audit trail as an auditor. */
public final class Audit {

    private final Api api;
    private final String auditorToken;

    private Audit(Api api, String auditorToken) {
        this.api = api;
        this.auditorToken = auditorToken;
    }

    public static Audit of(Clerk clerk) {
        return new Audit(clerk.api, SharedBaton.issuer().token("auditor", "baton-auditor"));
    }

    public JsonObject page(String query) {
        Reply reply = api.get("audit?" + query).bearer(auditorToken).send();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    public int count(String query) {
        return page(query).getInt("total");
    }
}
