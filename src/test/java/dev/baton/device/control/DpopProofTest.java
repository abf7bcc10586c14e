package dev.baton.device.control;

import dev.baton.device.entity.DeviceKey;
import dev.baton.it.ProofKey;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proofs signed with jose4j (through {@link ProofKey}), checked by Baton with Nimbus. */
class DpopProofTest {

    private static final String CALLED = "http://baton.example:8080/api/v1/sessions/abc";
    private static final URI URL = URI.create(CALLED);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final ProofKey ec = ProofKey.ec();
    private final DeviceKey ecKey = DeviceKey.of(ec.jwk());

    @Test
    void aProofOfTheKeyForThisCallPasses() {
        for (ProofKey key : new ProofKey[] {ec, ProofKey.rsa()}) {
            DpopProof proof = DpopProof.verify(proof(key, h -> h, c -> c), DeviceKey.of(key.jwk()));
            assertEquals("GET", proof.method());
            assertEquals(CALLED, proof.url());
            assertEquals(NOW, proof.issuedAt());
            assertDoesNotThrow(() -> proof.checkFor("GET", CALLED, NOW, MAX_AGE));
        }
    }

    @Test
    void aCritHeaderIsRefusedWhateverItNames() {
        Map<String, UnaryOperator<JsonObjectBuilder>> crit = new LinkedHashMap<>();
        crit.put("b64, which Nimbus' verifier lets through", h -> h.add("crit", Json.createArrayBuilder().add("b64")).add("b64", true));
        crit.put("an empty list, which Nimbus' verifier lets through", h -> h.add("crit", Json.createArrayBuilder()));
        crit.put("a made-up header", h -> h.add("crit", Json.createArrayBuilder().add("baton-x")).add("baton-x", 1));
        crit.put("an unknown extension", h -> h.add("crit", Json.createArrayBuilder().add("exp")).add("exp", 1));
        assertAll(crit.entrySet().stream().<Executable>map(c -> () -> refused(c.getKey(), proof(ec, c.getValue(), x -> x), ecKey)));
    }

    @Test
    void theAlgorithmIsTheRegisteredKeys() {
        ProofKey rsa = ProofKey.rsa();
        DeviceKey rsaKey = DeviceKey.of(rsa.jwk());
        assertAll(
                () -> refused("HS256 keyed with the public JWK", proof(ec, alg("HS256"), c -> c), ecKey),
                () -> refused("none", proof(ec, alg("none"), c -> c), ecKey),
                () -> refused("ES384 with the P-256 key", proof(ec, alg("ES384"), c -> c), ecKey),
                () -> refused("RS256 named for an EC key", proof(ec, alg("RS256"), c -> c), ecKey),
                () -> refused("PS256 by the RSA key itself", proof(rsa, alg("PS256"), c -> c), rsaKey),
                () -> refused("RS384 by the RSA key itself", proof(rsa, alg("RS384"), c -> c), rsaKey),
                () -> refused("ES256 named for an RSA key", proof(rsa, alg("ES256"), c -> c), rsaKey),
                () -> refused("no alg", proof(ec, h -> h.remove("alg"), c -> c), ecKey));
    }

    @Test
    void aProofMustBeTypedCarryTheKeyAndBeSignedByIt() {
        ProofKey stranger = ProofKey.ec();
        String genuine = proof(ec, h -> h, c -> c);
        assertAll(
                () -> refused("no proof", null, ecKey),
                () -> refused("typed JWT", proof(ec, h -> h.add("typ", "JWT"), c -> c), ecKey),
                () -> refused("not typed", proof(ec, h -> h.remove("typ"), c -> c), ecKey),
                () -> refused("no jwk", proof(ec, h -> h.remove("jwk"), c -> c), ecKey),
                () -> refused("another key, its own jwk", proof(stranger, h -> h, c -> c), ecKey),
                () -> refused("another key, our jwk", proof(stranger, h -> h.add("jwk", ec.jwk()), c -> c), ecKey),
                () -> refused("our key, another's jwk", proof(ec, h -> h.add("jwk", stranger.jwk()), c -> c), ecKey),
                () -> refused("unsigned", genuine.substring(0, genuine.lastIndexOf('.') + 1), ecKey),
                () -> refused("claims altered", altered(genuine), ecKey),
                () -> refused("garbage", "not.a.proof", ecKey),
                () -> refused("too long", proof(ec, h -> h, c -> c.add("pad", "p".repeat(8192))), ecKey));
    }

    @Test
    void theClaimsMustNameThisCallRecentlyWithAJti() {
        assertAll(
                () -> checked("another method", proof(ec, h -> h, c -> c.add("htm", "POST"))),
                () -> checked("another path", proof(ec, h -> h, c -> c.add("htu", "http://baton.example:8080/api/v1/sessions"))),
                () -> checked("another host", proof(ec, h -> h, c -> c.add("htu", "http://evil.example:8080/api/v1/sessions/abc"))),
                () -> checked("no htm", proof(ec, h -> h, c -> c.remove("htm"))),
                () -> checked("htu a number", proof(ec, h -> h, c -> c.add("htu", 1))),
                () -> checked("issued too long ago", proof(ec, h -> h, c -> c.add("iat", NOW.minus(MAX_AGE).getEpochSecond() - 1))),
                () -> checked("issued too far ahead", proof(ec, h -> h, c -> c.add("iat", NOW.plus(MAX_AGE).getEpochSecond() + 1))),
                () -> checked("no iat", proof(ec, h -> h, c -> c.remove("iat"))),
                () -> checked("iat a string", proof(ec, h -> h, c -> c.add("iat", String.valueOf(NOW.getEpochSecond())))),
                () -> checked("no jti", proof(ec, h -> h, c -> c.remove("jti"))),
                () -> checked("empty jti", proof(ec, h -> h, c -> c.add("jti", ""))),
                () -> checked("jti too long", proof(ec, h -> h, c -> c.add("jti", "j".repeat(257)))));
        DpopProof edge = DpopProof.verify(proof(ec, h -> h, c -> c.add("iat", NOW.minus(MAX_AGE).getEpochSecond())), ecKey);
        assertDoesNotThrow(() -> edge.checkFor("GET", CALLED, NOW, MAX_AGE), "issued exactly the max age ago");
    }

    @Test
    void theSameUrlMatchesWhateverTheCaseOfSchemeAndHostAndWithoutQuery() {
        assertTrue(DpopProof.sameUrl(CALLED, CALLED));
        assertTrue(DpopProof.sameUrl("HTTP://Baton.Example:8080/api/v1/sessions/abc?x=1#f", CALLED));
        assertTrue(DpopProof.sameUrl("https://baton.example/api", "https://baton.example:443/api"));
    }

    @Test
    void anotherSchemeHostPortOrPathDoesNotMatch() {
        assertFalse(DpopProof.sameUrl("https://baton.example:8080/api/v1/sessions/abc", CALLED));
        assertFalse(DpopProof.sameUrl("http://evil.example:8080/api/v1/sessions/abc", CALLED));
        assertFalse(DpopProof.sameUrl("http://baton.example:8081/api/v1/sessions/abc", CALLED));
        assertFalse(DpopProof.sameUrl("http://baton.example:8080/api/v1/sessions/ABC", CALLED));
        assertFalse(DpopProof.sameUrl("/api/v1/sessions/abc", CALLED));
        assertFalse(DpopProof.sameUrl("not a url", CALLED));
        assertFalse(DpopProof.sameUrl(null, CALLED));
    }

    private static String proof(ProofKey key, UnaryOperator<JsonObjectBuilder> header, UnaryOperator<JsonObjectBuilder> claims) {
        return key.proof("GET", URL, header, c -> claims.apply(c.add("iat", NOW.getEpochSecond())));
    }

    private static UnaryOperator<JsonObjectBuilder> alg(String alg) {
        return h -> h.add("alg", alg);
    }

    /** The genuine proof with its claims swapped for others, its signature kept. */
    private static String altered(String proof) {
        String[] parts = proof.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"GET\"", "\"PUT\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static void refused(String what, String proof, DeviceKey key) {
        BatonException refusal = assertThrows(BatonException.class, () -> DpopProof.verify(proof, key), what);
        assertEquals(Problem.PROOF_INVALID, refusal.problem(), what);
    }

    private void checked(String what, String proof) {
        BatonException refusal = assertThrows(BatonException.class,
                () -> DpopProof.verify(proof, ecKey).checkFor("GET", CALLED, NOW, MAX_AGE), what);
        assertEquals(Problem.PROOF_INVALID, refusal.problem(), what);
    }
}
