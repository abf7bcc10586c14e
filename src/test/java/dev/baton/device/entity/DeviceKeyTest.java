package dev.baton.device.entity;

import com.nimbusds.jose.JWSAlgorithm;
import dev.baton.it.ProofKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeviceKeyTest {

    /** RFC 7638 §3.1: the RSA key of RFC 7517 Appendix A.1 and its SHA-256 thumbprint. */
    private static final String RFC_7638_N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZ"
            + "CiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6"
            + "qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_IN = Base64.getUrlDecoder();

    @Test
    void theRfc7638ExampleKeyHasItsCanonicalFormAndThumbprint() {
        JsonObject jwk = Json.createObjectBuilder().add("kty", "RSA").add("n", RFC_7638_N).add("e", "AQAB")
                .add("alg", "RS256").add("kid", "2011-04-29").build();
        DeviceKey key = DeviceKey.of(jwk);
        assertEquals("{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"" + RFC_7638_N + "\"}", key.canonical());
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", key.thumbprint());
        assertEquals(JWSAlgorithm.RS256, key.algorithm());
    }

    @Test
    void thumbprintsAgreeWithAnotherLibrarys() {
        for (ProofKey generated : new ProofKey[] {ProofKey.ec(), ProofKey.rsa()}) {
            DeviceKey key = DeviceKey.of(generated.jwk());
            assertEquals(generated.thumbprint(), key.thumbprint());
            assertEquals(key.canonical(), DeviceKey.parse(key.canonical()).canonical());
        }
    }

    @Test
    void anRsaKeyReadsTheSameWithOrWithoutALeadingZeroAndWithExtraMembers() throws Exception {
        JsonObject plain = ProofKey.rsa().jwk();
        byte[] n = BASE64URL_IN.decode(plain.getString("n"));
        byte[] padded = new byte[n.length + 1];
        System.arraycopy(n, 0, padded, 1, n.length);
        JsonObject withZero = Json.createObjectBuilder(plain).add("n", BASE64URL.encodeToString(padded)).add("kid", "k1").add("use", "sig").build();
        assertEquals(DeviceKey.of(plain).canonical(), DeviceKey.of(withZero).canonical());
        assertEquals(DeviceKey.of(plain).thumbprint(), DeviceKey.of(withZero).thumbprint());
    }

    @Test
    void aBrowsersP256KeyBindsToEs256() {
        JsonObject webCrypto = Json.createObjectBuilder(ProofKey.ec().jwk()).add("ext", true)
                .add("key_ops", Json.createArrayBuilder().add("verify")).build();
        assertEquals(JWSAlgorithm.ES256, DeviceKey.of(webCrypto).algorithm());
    }

    @Test
    void pointsOffTheCurveAreRefused() {
        JsonObject ec = ProofKey.ec().jwk();
        BigInteger y = new BigInteger(1, BASE64URL_IN.decode(ec.getString("y")));
        Map<String, JsonObject> offCurve = new LinkedHashMap<>();
        offCurve.put("origin", Json.createObjectBuilder(ec).add("x", zeros(32)).add("y", zeros(32)).build());
        offCurve.put("y + 1", Json.createObjectBuilder(ec).add("y", coordinate(y.add(BigInteger.ONE))).build());
        offCurve.put("x for y", Json.createObjectBuilder(ec).add("y", ec.getString("x")).build());
        assertAllRefused(offCurve);
    }

    @Test
    void onlyP256AndRsaPublicKeysOfTheRightSizeAreAccepted() throws Exception {
        JsonObject ec = ProofKey.ec().jwk();
        JsonObject rsa = ProofKey.rsa().jwk();
        Map<String, JsonObject> refused = new LinkedHashMap<>();
        refused.put("P-384", Json.createObjectBuilder(EcJwkGenerator.generateJwk(EllipticCurves.P384)
                .toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).build());
        refused.put("P-256 private", Json.createObjectBuilder(EcJwkGenerator.generateJwk(EllipticCurves.P256)
                .toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)).build());
        refused.put("RSA private", Json.createObjectBuilder(RsaJwkGenerator.generateJwk(2048)
                .toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)).build());
        refused.put("RSA of 1024 bits", Json.createObjectBuilder(RsaJwkGenerator.generateJwk(1024)
                .toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).build());
        refused.put("even exponent", Json.createObjectBuilder(rsa).add("e", "AQAA").build());
        refused.put("symmetric", Json.createObjectBuilder().add("kty", "oct").add("k", "c2VjcmV0").build());
        refused.put("OKP", Json.createObjectBuilder().add("kty", "OKP").add("crv", "Ed25519").add("x", zeros(32)).build());
        refused.put("a coordinate shortened", shortened(ec));
        refused.put("no y", Json.createObjectBuilder(ec).remove("y").build());
        refused.put("kty a number", Json.createObjectBuilder(ec).add("kty", 1).build());
        refused.put("n not base64url", Json.createObjectBuilder(rsa).add("n", "not base64url!").build());
        assertAllRefused(refused);
    }

    private static void assertAllRefused(Map<String, JsonObject> jwks) {
        assertAll(jwks.entrySet().stream().map(jwk -> () -> assertThrows(IllegalArgumentException.class,
                () -> DeviceKey.of(jwk.getValue()), jwk.getKey())));
    }

    /** A P-256 key whose x has a leading zero octet, sent without it: a sloppy encoder's key. */
    private static JsonObject shortened(JsonObject ec) {
        JsonObject key = ec;
        while (BASE64URL_IN.decode(key.getString("x"))[0] != 0) {
            key = ProofKey.ec().jwk();
        }
        byte[] x = BASE64URL_IN.decode(key.getString("x"));
        return Json.createObjectBuilder(key).add("x", BASE64URL.encodeToString(Arrays.copyOfRange(x, 1, x.length))).build();
    }

    private static String zeros(int bytes) {
        return BASE64URL.encodeToString(new byte[bytes]);
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return BASE64URL.encodeToString(out);
    }
}
