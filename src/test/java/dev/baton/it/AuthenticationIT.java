package dev.baton.it;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may call: the JWT, the role, the device token, the session token, another user's ids. */
@ExtendWith(SharedBaton.class)
class AuthenticationIT {

    private final Clerk clerk = Clerk.fresh();
    private final Api api = clerk.api;
    private final TestIssuer issuer = SharedBaton.issuer();

    @Test
    void callsWithoutAValidTokenAreUnauthenticatedProblems() {
        long now = Instant.now().getEpochSecond();
        String[] refused = {
            null,
            "not-a-jwt",
            TestIssuer.foreignToken(clerk.user),
            TestIssuer.unknownKeyIdToken(clerk.user),
            issuer.unsigned(clerk.user),
            issuer.hs256WithPublicKey(clerk.user),
            issuer.token(clerk.user, c -> c.add("exp", now - 120).add("iat", now - 3600), "baton-user"),
            issuer.token(clerk.user, c -> c.add("iss", "https://evil.example/"), "baton-user"),
            issuer.token(clerk.user, c -> c.add("aud", "another-service"), "baton-user"),
            issuer.token(clerk.user, c -> c.remove("aud"), "baton-user"),
            issuer.token(clerk.user, c -> c.add("iat", now + 600), "baton-user"),
            issuer.token(clerk.user, c -> c.remove("sub").remove("upn"), "baton-user"),
        };
        for (String token : refused) {
            Reply reply = api.get("devices").header("Authorization", token == null ? null : "Bearer " + token).send();
            assertEquals(401, reply.status(), () -> token + " -> " + reply);
            assertEquals("unauthenticated", reply.code());
        }
    }

    @Test
    void aTokenWithoutTheUserRoleIsForbidden() {
        Reply reply = api.get("devices").bearer(issuer.token(clerk.user, "other-role")).send();
        assertEquals(403, reply.status());
        assertEquals("forbidden", reply.code());
        Reply audit = api.get("audit").bearer(clerk.jwt()).send();
        assertEquals(403, audit.status());
        assertEquals("forbidden", audit.code());
    }

    @Test
    void aClaimNeedsARecentSignIn() {
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        var transfer = clerk.offer(desktop, clerk.open(desktop), phone);
        long old = Instant.now().minus(Duration.ofMinutes(11)).getEpochSecond();
        Reply stale = api.post("transfers/" + transfer.getString("id") + "/claim")
                .bearer(issuer.token(clerk.user, c -> c.add("iat", old), "baton-user")).device(phone.token())
                .json(Json.createObjectBuilder().add("claimCode", transfer.getString("claimCode")).build()).send();
        assertEquals(401, stale.status());
        assertEquals("reauthentication-required", stale.code());
        assertEquals(200, clerk.claim(phone, transfer.getString("id"), transfer.getString("claimCode")).status());
    }

    @Test
    void deviceCallsNeedTheCallersOwnActiveDeviceToken() {
        Clerk other = Clerk.fresh();
        Clerk.Device othersDevice = other.register("phone");
        for (String token : new String[] {null, "unknown-token", othersDevice.token()}) {
            Reply reply = api.post("sessions").bearer(clerk.jwt()).device(token)
                    .json("{\"application\":\"portal\",\"state\":{}}").send();
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("device-unauthenticated", reply.code());
        }
        Clerk.Device revoked = clerk.register("laptop");
        assertEquals(204, api.delete("devices/" + revoked.id()).bearer(clerk.jwt()).send().status());
        Reply reply = clerk.openReply(revoked, "portal", Json.createObjectBuilder().build());
        assertEquals(403, reply.status());
        assertEquals("device-not-registered", reply.code());
        assertEquals(4, Audit.of(clerk).count("user=" + clerk.user + "&action=DEVICE_REFUSED"), "each refusal is audited");
    }

    @Test
    void aSessionNeedsItsCurrentSessionToken() {
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Held session = clerk.open(desktop);
        Reply reply = clerk.readSession(desktop, new Clerk.Held(session.id(), "forged"));
        assertEquals(401, reply.status());
        assertEquals("session-token-invalid", reply.code());
        assertEquals("session-token-invalid", clerk.readSession(desktop, new Clerk.Held(session.id(), null)).code());
    }

    @Test
    void anotherUsersResourcesAnswerExactlyLikeMissingOnes() {
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        Clerk.Held session = clerk.open(desktop);
        String transferId = clerk.offer(desktop, session, phone).getString("id");

        Clerk intruder = Clerk.fresh();
        Clerk.Device own = intruder.register("desktop");
        String[][] pairs = {
            {"devices/" + desktop.id(), "devices/00000000-0000-0000-0000-000000000000"},
            {"sessions/" + session.id(), "sessions/00000000-0000-0000-0000-000000000000"},
            {"transfers/" + transferId, "transfers/00000000-0000-0000-0000-000000000000"},
        };
        for (String[] pair : pairs) {
            Reply theirs = api.get(pair[0]).bearer(intruder.jwt()).device(own.token()).session(session.token()).send();
            Reply missing = api.get(pair[1]).bearer(intruder.jwt()).device(own.token()).session(session.token()).send();
            assertEquals(404, theirs.status(), theirs::toString);
            assertEquals(missing.text(), theirs.text());
        }
        String missing = "00000000-0000-0000-0000-000000000000";
        for (String id : new String[] {session.id(), missing}) {
            Reply[] replies = {
                api.put("sessions/" + id + "/state").bearer(intruder.jwt()).device(own.token()).session(session.token())
                        .header("If-Match", "\"1\"").json("{}").send(),
                api.delete("sessions/" + id).bearer(intruder.jwt()).device(own.token()).session(session.token()).send(),
                intruder.requestTransfer(own, new Clerk.Held(id, session.token()), own.id(), Clerk.info()),
                intruder.restore(own, id, "token", Clerk.info()),
            };
            for (Reply reply : replies) {
                assertEquals(404, reply.status(), reply::toString);
                assertEquals("not-found", reply.code());
            }
        }
        for (String id : new String[] {transferId, missing}) {
            assertEquals(404, intruder.claim(own, id, "ABCDEFGH").status());
            assertEquals(404, api.delete("transfers/" + id).bearer(intruder.jwt()).device(own.token()).send().status());
        }
        for (String id : new String[] {desktop.id(), missing}) {
            assertEquals(404, api.delete("devices/" + id).bearer(intruder.jwt()).send().status());
            assertEquals(404, api.get("devices/" + id + "/events").bearer(intruder.jwt()).device(own.token())
                    .header("Accept", "text/event-stream").send().status());
        }
        assertEquals(200, clerk.readSession(desktop, session).status(), "nothing changed for the owner");
    }

    @Test
    void noDemoTokensAreServedWhenAnIdentityProviderIsConfigured() {
        Reply reply = api.post("/dev/token").json("{\"user\":\"mallory\",\"groups\":[\"baton-admin\"]}").send();
        assertEquals(404, reply.status());
        assertEquals("not-found", reply.code());
    }
}
