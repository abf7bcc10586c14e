package dev.baton.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm file's promise to Baton, checked against a real Keycloak without Baton: the claims
 * Baton verifies, the roles as {@code groups}, a sign-in time that refreshes keep, and no way in
 * but the login page. A broken realm file fails here, by name, rather than as a bare 401 in a
 * Baton test.
 */
class KeycloakRealmIT {

    private static Keycloak keycloak;

    @BeforeAll
    static void start() {
        keycloak = Keycloak.start();
    }

    @Test
    void accessTokenCarriesWhatBatonVerifies() {
        KeycloakTokens alice = keycloak.signIn("alice");
        JsonObject claims = alice.claims();
        assertEquals("RS256", alice.header().getString("alg"));
        assertTrue(publishedKids().contains(alice.kid()), alice::kid);
        assertEquals(keycloak.issuer().toString(), claims.getString("iss"));
        assertEquals(Keycloak.AUDIENCE, claims.getString("aud"));
        assertEquals("alice", claims.getString("upn"));
        assertEquals("Bearer", claims.getString("typ"));
        assertTrue(claims.containsKey("auth_time"));
        assertEquals("ID", alice.idClaims().getString("typ"));
        assertEquals("Refresh", alice.refreshClaims().getString("typ"));
    }

    @Test
    void groupsAreTheUsersBatonRolesAndNothingElse() {
        assertEquals(List.of("baton-user"), groups("alice"));
        assertEquals(List.of("baton-auditor", "baton-user"), groups("audrey"));
        assertEquals(List.of("baton-admin", "baton-user"), groups("adam"));
        assertFalse(keycloak.signIn("nobody").claims().containsKey("groups"), "nobody has no groups claim at all");
    }

    @Test
    void refreshKeepsTheSignInTimeAndMovesTheIssueTime() {
        KeycloakTokens signedIn = keycloak.signIn("alice");
        BatonServer.sleep(Duration.ofMillis(1100));
        KeycloakTokens refreshed = keycloak.refresh(signedIn);
        assertEquals(signedIn.authTime(), refreshed.authTime());
        assertTrue(refreshed.issuedAt().isAfter(signedIn.issuedAt()));
        assertEquals(signedIn.claims().getString("sid"), refreshed.claims().getString("sid"));
    }

    @Test
    void theSameBrowserSignsInSilentlyUnlessPromptLoginAsksAgain() {
        KeycloakBrowser browser = keycloak.browser();
        KeycloakTokens first = browser.signIn("audrey");
        BatonServer.sleep(Duration.ofMillis(1100));
        assertEquals(first.authTime(), browser.signIn("audrey").authTime());
        KeycloakTokens again = browser.signIn("audrey", Map.of("prompt", "login"));
        assertTrue(again.authTime().isAfter(first.authTime()));
    }

    @Test
    void passwordGrantsAreRefusedOnBothClients() {
        for (String client : List.of(Keycloak.WEB_CLIENT, Keycloak.PORTAL_CLIENT)) {
            HttpResponse<String> answer = KeycloakHttp.exchange(HttpRequest.newBuilder(
                    URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(KeycloakHttp.form(Map.of("grant_type", "password",
                            "client_id", client, "username", "alice", "password", keycloak.password("alice")))))
                    .build());
            assertTrue(answer.statusCode() == 400 || answer.statusCode() == 401, answer::body);
            assertTrue(answer.body().contains("unauthorized_client"), answer::body);
        }
    }

    /** Leaves the realm as it found it: the new key is dropped, and the old one signs again. */
    @Test
    void aRotatedKeySignsNewTokensWhileTheOldOneStaysPublished() {
        KeycloakTokens before = keycloak.signIn("adam");
        String kid = keycloak.rotateKey();
        try {
            KeycloakTokens after = keycloak.refresh(before);
            assertEquals(kid, after.kid());
            assertNotEquals(before.kid(), after.kid());
            assertTrue(publishedKids().containsAll(List.of(before.kid(), kid)));
        } finally {
            keycloak.admin().dropKey(kid);
        }
        assertFalse(publishedKids().contains(kid));
        assertEquals(before.kid(), keycloak.refresh(before).kid());
    }

    private static List<String> groups(String user) {
        return keycloak.signIn(user).claims().getJsonArray("groups").stream()
                .map(group -> ((JsonString) group).getString()).sorted().toList();
    }

    private static List<String> publishedKids() {
        return keycloak.jwks().getJsonArray("keys").stream().map(JsonValue::asJsonObject)
                .map(key -> key.getString("kid")).toList();
    }
}
