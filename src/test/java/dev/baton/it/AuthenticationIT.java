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
    void refusalsCarryTheBearerChallenge() {
        Reply none = api.get("devices").send();
        assertEquals(401, none.status());
        assertEquals("Bearer realm=\"baton\"", none.header("WWW-Authenticate"));
        Reply bad = api.get("devices").bearer("not-a-jwt").send();
        assertEquals("Bearer realm=\"baton\", error=\"invalid_token\"", bad.header("WWW-Authenticate"));
        Reply basic = api.get("devices").header("Authorization", "Basic YWxpY2U6c2VjcmV0").send();
        assertEquals(401, basic.status());
        assertEquals("unauthenticated", basic.code());
    }

    @Test
    void onlyAccessTokensAreAccepted() {
        String[] refused = {
            issuer.token(clerk.user, c -> c.add("typ", "ID"), "baton-user"),
            issuer.token(clerk.user, c -> c.add("typ", "Refresh"), "baton-user"),
            issuer.token(clerk.user, c -> c.add("typ", "Logout"), "baton-user"),
            issuer.token(clerk.user, c -> c.add("events", Json.createObjectBuilder()
                    .add("http://schemas.openid.net/event/backchannel-logout", Json.createObjectBuilder())), "baton-user"),
            issuer.typed("dpop+jwt", clerk.user),
            issuer.typed("logout+jwt", clerk.user),
            issuer.typed("JOSE", clerk.user),
        };
        for (String token : refused) {
            Reply reply = api.get("devices").bearer(token).send();
            assertEquals(401, reply.status(), () -> token + " -> " + reply);
            assertEquals("unauthenticated", reply.code());
        }
        for (String token : new String[] {issuer.typed("at+jwt", clerk.user), issuer.typed("application/at+jwt", clerk.user),
                issuer.typed(null, clerk.user), issuer.token(clerk.user, c -> c.add("typ", "Bearer"), "baton-user")}) {
            assertEquals(200, api.get("devices").bearer(token).send().status(), token);
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
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device phone = two.phone();
        var transfer = clerk.offer(two.desktop(), two.session(), phone);
        long old = Instant.now().minus(Duration.ofMinutes(11)).getEpochSecond();
        Reply stale = api.post("transfers/" + transfer.getString("id") + "/claim")
                .bearer(issuer.token(clerk.user, c -> c.add("iat", old), "baton-user")).device(phone.token())
                .json(Json.createObjectBuilder().add("claimCode", transfer.getString("claimCode")).build()).send();
        assertEquals(401, stale.status());
        assertEquals("reauthentication-required", stale.code());
        assertEquals("Bearer realm=\"baton\", error=\"insufficient_user_authentication\", "
                + "error_description=\"A more recent sign-in is required\", max_age=600", stale.header("WWW-Authenticate"));
        assertEquals(600, stale.json().getInt("maxAge"));
        assertEquals(200, clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode")).status());
    }

    @Test
    void aRefreshedTokenIsNoSignIn() {
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device phone = two.phone();
        var transfer = clerk.offer(two.desktop(), two.session(), phone);
        long now = Instant.now().getEpochSecond();
        long signIn = Instant.now().minus(Duration.ofMinutes(11)).getEpochSecond();
        Reply refreshed = api.post("transfers/" + transfer.getString("id") + "/claim")
                .bearer(issuer.token(clerk.user, c -> c.add("auth_time", signIn).add("iat", now), "baton-user")).device(phone.token())
                .json(Json.createObjectBuilder().add("claimCode", transfer.getString("claimCode")).build()).send();
        assertEquals(401, refreshed.status(), refreshed::toString);
        assertEquals("reauthentication-required", refreshed.code());
        long recent = Instant.now().minus(Duration.ofMinutes(9)).getEpochSecond();
        Reply signedIn = api.post("transfers/" + transfer.getString("id") + "/claim")
                .bearer(issuer.token(clerk.user, c -> c.add("auth_time", recent).add("iat", now), "baton-user")).device(phone.token())
                .json(Json.createObjectBuilder().add("claimCode", transfer.getString("claimCode")).build()).send();
        assertEquals(200, signedIn.status(), signedIn::toString);
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
        Reply reply = clerk.readSessionReply(desktop, new Clerk.Held(session.id(), "forged"));
        assertEquals(401, reply.status());
        assertEquals("session-token-invalid", reply.code());
        assertEquals("session-token-invalid", clerk.readSessionReply(desktop, new Clerk.Held(session.id(), null)).code());
    }

    @Test
    void anotherUsersResourcesAnswerExactlyLikeMissingOnes() {
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
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
                intruder.offerReply(own, new Clerk.Held(id, session.token()), own.id(), Clerk.info()),
                intruder.restoreReply(own, id, "token", Clerk.info()),
            };
            for (Reply reply : replies) {
                assertEquals(404, reply.status(), reply::toString);
                assertEquals("not-found", reply.code());
            }
        }
        for (String id : new String[] {transferId, missing}) {
            assertEquals(404, intruder.claimReply(own, id, "ABCDEFGH").status());
            assertEquals(404, api.delete("transfers/" + id).bearer(intruder.jwt()).device(own.token()).send().status());
        }
        for (String id : new String[] {desktop.id(), missing}) {
            assertEquals(404, api.delete("devices/" + id).bearer(intruder.jwt()).send().status());
            assertEquals(404, api.get("devices/" + id + "/events").bearer(intruder.jwt()).device(own.token())
                    .header("Accept", "text/event-stream").send().status());
        }
        assertEquals(200, clerk.readSessionReply(desktop, session).status(), "nothing changed for the owner");
    }

    @Test
    void noDemoTokensAreServedWhenAnIdentityProviderIsConfigured() {
        Reply reply = api.post("/dev/token").json("{\"user\":\"mallory\",\"groups\":[\"baton-admin\"]}").send();
        assertEquals(404, reply.status());
        assertEquals("not-found", reply.code());
    }
}
