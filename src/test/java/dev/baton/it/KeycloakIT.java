package dev.baton.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Baton behind a real Keycloak, configured as a portal team would: the realm's JWKS URL, its issuer
 * and the audience, nothing else of the identity provider. The flow runs on Keycloak's tokens; its
 * ID and refresh tokens are refused; a refreshed token is no sign-in; a key rotated in at Keycloak
 * works without restarting Baton; invented key ids cannot make Baton hammer Keycloak.
 */
class KeycloakIT {

    /** Short, so that a sign-in can grow too old within the test. */
    private static final Duration MAX_SIGN_IN_AGE = Duration.ofSeconds(30);
    /** Baton's default {@code baton.jwt.jwks.min-refresh-interval}: the bound on taking a rotated key. */
    private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(30);
    private static final String FETCHED = "Identity provider keys fetched from";

    private static Keycloak keycloak;
    private static BatonServer baton;
    private static Api api;

    @BeforeAll
    static void start(TestReporter reporter) {
        keycloak = Keycloak.start();
        reporter.publishEntry("figures", "Keycloak ready after " + keycloak.startup().toMillis() + " ms");
        baton = new BatonServer("keycloak", Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloak.jwksUri().toString(),
                "MP_JWT_VERIFY_ISSUER", keycloak.issuer().toString(),
                "MP_JWT_VERIFY_AUDIENCES", Keycloak.AUDIENCE,
                "BATON_CLAIM_MAX_TOKEN_AGE", MAX_SIGN_IN_AGE.toString(),
                "BATON_UI_OIDC_CLIENT_ID", Keycloak.WEB_CLIENT));
        baton.start();
        api = new Api(baton.base());
        keycloak.admin().allowWebOrigin(Keycloak.WEB_CLIENT, baton.base().toString().replaceAll("/$", ""));
    }

    @AfterAll
    static void stop() {
        baton.stop();
    }

    @Test
    void theWholeFlowRunsOnKeycloaksTokens() {
        Clerk alice = clerk(keycloak.signIn("alice"));
        Clerk.TwoDevices two = alice.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        JsonObject restored = alice.move(session, desktop, phone);
        assertEquals(phone.id(), restored.getString("holderDeviceId"));
        Reply keptOut = alice.readSessionReply(desktop, new Clerk.Held(session.id(), session.token()));
        assertEquals(403, keptOut.status(), keptOut::toString);
        assertEquals("access-prohibited", keptOut.code());

        Clerk audrey = clerk(keycloak.signIn("audrey"));
        Reply trail = api.get("audit?session=" + session.id()).bearer(audrey.jwt()).send();
        assertEquals(200, trail.status(), trail::toString);
        assertEquals(List.of("access-prohibited", "session-restored", "transfer-claimed", "transfer-requested", "session-opened"),
                trail.json().getJsonArray("items").stream().map(item -> item.asJsonObject().getString("action")).toList());
        assertEquals(alice.user, trail.json().getJsonArray("items").getJsonObject(0).getString("actor"));
    }

    /** Baton's own pages sign in at Keycloak: authorization code with PKCE on the public client, in Chromium. */
    @Test
    void aClerkSignsInOnBatonsPagesAtKeycloakAndRegistersTheBrowser() {
        try (Browser desktop = new Browser("keycloak-sign-in", Browser.DESKTOP)) {
            desktop.open(baton.base().resolve("app/"));
            desktop.await(By.id("oidc-sign-in"), Duration.ofSeconds(15)).click();
            desktop.await(By.id("username"), Duration.ofSeconds(15)).sendKeys("alice");
            desktop.driver().findElement(By.id("password")).sendKeys(keycloak.password("alice"));
            desktop.screenshot("keycloak-login-page");
            desktop.driver().findElement(By.id("kc-login")).click();
            desktop.await(By.id("device-name"), Duration.ofSeconds(15)).sendKeys(" at the bank", Keys.ENTER);
            assertTrue(desktop.text(By.id("this-device")).contains("My desktop at the bank (desktop"), desktop.driver().getPageSource());
            assertTrue(desktop.text(By.id("who")).contains("Signed in as alice"));
            assertFalse(desktop.driver().getCurrentUrl().contains("code="), "the code leaves the address bar");
            desktop.screenshot("signed-in-and-registered");
            desktop.assertNoConsoleErrors();
        }
    }

    /** The README's way to try Baton with Keycloak from a terminal. */
    @Test
    void aTerminalSignsInWithTheDeviceGrant() {
        KeycloakTokens alice = keycloak.signInAtTerminal("alice");
        assertEquals(Keycloak.CLI_CLIENT, alice.claims().getString("azp"));
        Reply created = api.post("devices").bearer(alice.accessToken())
                .json("{\"name\":\"Terminal\",\"kind\":\"laptop\",\"platform\":\"curl\"}").send();
        assertEquals(201, created.status(), created::toString);
    }

    @Test
    void rolesComeFromKeycloaksGroups() {
        Reply nobody = api.get("devices").bearer(keycloak.signIn("nobody").accessToken()).send();
        assertEquals(403, nobody.status(), nobody::toString);
        assertEquals("forbidden", nobody.code());
        Reply alice = api.get("audit").bearer(keycloak.signIn("alice").accessToken()).send();
        assertEquals(403, alice.status(), "a baton-user is no auditor");
        Reply adam = api.get("audit/verify").bearer(keycloak.signIn("adam").accessToken()).send();
        assertEquals(200, adam.status(), adam::toString);
    }

    @Test
    void onlyKeycloaksAccessTokensAreTaken() {
        KeycloakTokens alice = keycloak.signIn("alice");
        assertEquals(200, api.get("devices").bearer(alice.accessToken()).send().status());
        for (String token : new String[] {alice.idToken(), alice.refreshToken()}) {
            Reply reply = api.get("devices").bearer(token).send();
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("unauthenticated", reply.code());
            assertEquals("Bearer realm=\"baton\", error=\"invalid_token\"", reply.header("WWW-Authenticate"));
        }
    }

    /** Keycloak's ID tokens carry {@code typ: ID}: refused even when their {@code aud} names Baton. */
    @Test
    void anIdTokenNamingBatonIsStillNoAccessToken() {
        keycloak.admin().batonAudienceInIdTokens(Keycloak.WEB_CLIENT, true);
        try {
            KeycloakTokens alice = keycloak.signIn("alice");
            assertTrue(alice.idClaims().toString().contains("\"" + Keycloak.AUDIENCE + "\""), alice.idClaims()::toString);
            Reply reply = api.get("devices").bearer(alice.idToken()).send();
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("unauthenticated", reply.code());
        } finally {
            keycloak.admin().batonAudienceInIdTokens(Keycloak.WEB_CLIENT, false);
        }
    }

    /** The portal answers the RFC 9470 challenge as OIDC has it: {@code max_age} at the sign-in. */
    @Test
    void aRefreshedTokenIsNoSignInButASignInWithinMaxAgeIs() {
        KeycloakBrowser browser = keycloak.browser();
        KeycloakTokens signedIn = browser.signIn("alice");
        Clerk alice = clerk(signedIn);
        Clerk.TwoDevices two = alice.twoDevices();
        Clerk.Device phone = two.phone();
        JsonObject transfer = alice.offer(two.desktop(), two.session(), phone);
        BatonServer.sleep(Duration.between(Instant.now(), signedIn.authTime().plus(MAX_SIGN_IN_AGE).plusSeconds(2)));

        KeycloakTokens refreshed = keycloak.refresh(signedIn);
        assertEquals(signedIn.authTime(), refreshed.authTime());
        Reply stale = claim(refreshed, phone, transfer);
        assertEquals(401, stale.status(), stale::toString);
        assertEquals("reauthentication-required", stale.code());
        String challenge = stale.header("WWW-Authenticate");
        assertTrue(challenge.contains("error=\"insufficient_user_authentication\""), challenge);
        String maxAge = challenge.replaceAll(".*max_age=(\\d+).*", "$1");
        assertEquals(Long.toString(MAX_SIGN_IN_AGE.toSeconds()), maxAge);

        KeycloakTokens again = browser.signIn("alice", Map.of("max_age", maxAge));
        assertTrue(again.authTime().isAfter(signedIn.authTime()), "Keycloak asked for the password again");
        Reply claimed = claim(again, phone, transfer);
        assertEquals(200, claimed.status(), claimed::toString);
    }

    @Test
    void aKeyRotatedInAtKeycloakIsTakenWithoutARestart(TestReporter reporter) {
        KeycloakTokens before = keycloak.signIn("adam");
        assertEquals(200, api.get("devices").bearer(before.accessToken()).send().status());
        String kid = keycloak.rotateKey();
        try {
            KeycloakTokens after = keycloak.refresh(before);
            assertEquals(kid, after.kid());
            Instant rotated = Instant.now();
            int status = 0;
            while (status != 200 && Duration.between(rotated, Instant.now()).compareTo(REFRESH_INTERVAL.plusSeconds(10)) < 0) {
                status = api.get("devices").bearer(after.accessToken()).send().status();
                if (status != 200) {
                    BatonServer.sleep(Duration.ofMillis(500));
                }
            }
            Duration pickUp = Duration.between(rotated, Instant.now());
            reporter.publishEntry("figures", "key rotated at Keycloak: its tokens accepted by Baton after " + pickUp.toMillis() + " ms");
            assertEquals(200, status, "a token under the rotated key");
            assertTrue(pickUp.compareTo(REFRESH_INTERVAL) <= 0, pickUp::toString);
            assertEquals(200, api.get("devices").bearer(before.accessToken()).send().status(), "the old key still verifies");
        } finally {
            keycloak.admin().dropKey(kid);
        }
    }

    @Test
    void inventedKeyIdsAreRefusedAndFetchTheKeysAtMostTwicePerInterval(TestReporter reporter) throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        long fetchedBefore = fetches();
        Instant begin = Instant.now();
        for (int i = 0; i < 20; i++) {
            Reply reply = api.get("devices").bearer(forged(stranger, "invented-" + UUID.randomUUID())).send();
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("unauthenticated", reply.code());
        }
        Duration burst = Duration.between(begin, Instant.now());
        BatonServer.sleep(Duration.ofSeconds(2));
        long fetched = fetches() - fetchedBefore;
        reporter.publishEntry("figures", "20 tokens with invented key ids in " + burst.toMillis() + " ms: " + fetched + " JWKS fetches");
        assertTrue(burst.compareTo(REFRESH_INTERVAL) < 0, "the burst fits in one interval");
        assertTrue(fetched <= 2, fetched + " fetches");
        assertEquals(200, api.get("devices").bearer(keycloak.signIn("alice").accessToken()).send().status(), "real tokens still work");
    }

    private static Clerk clerk(KeycloakTokens tokens) {
        return new Clerk(api, tokens.claims().getString("sub"), tokens::accessToken);
    }

    private static Reply claim(KeycloakTokens tokens, Clerk.Device phone, JsonObject transfer) {
        return api.post("transfers/" + transfer.getString("id") + "/claim").bearer(tokens.accessToken()).device(phone.token())
                .json("{\"claimCode\":\"" + transfer.getString("claimCode") + "\"}").send();
    }

    /** Everything right but the key: Keycloak's issuer and Baton's audience, signed by a stranger. */
    private static String forged(RSAKey key, String kid) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), new JWTClaimsSet.Builder()
                .issuer(keycloak.issuer().toString()).audience(Keycloak.AUDIENCE).subject("mallory")
                .claim("groups", List.of("baton-user")).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static long fetches() {
        try (var lines = Files.lines(baton.log())) {
            return lines.filter(line -> line.contains(FETCHED)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
