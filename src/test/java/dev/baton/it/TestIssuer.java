package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

/**
 * The identity provider of the tests: an RSA key made for the run, signing RS256 JWTs with jose4j,
 * not with the Nimbus JOSE+JWT that Baton verifies them with.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://sso.baton.test/realms/bank";
    /** The audience the servers of the tests require (MP_JWT_VERIFY_AUDIENCES). */
    public static final String AUDIENCE = "baton";

    private final KeyPair keys;

    public TestIssuer() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as MP_JWT_VERIFY_PUBLICKEY takes it. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String token(String user, String... groups) {
        return token(user, claims -> claims, groups);
    }

    /** A token whose claims {@code change} may alter or remove before it is signed. */
    public String token(String user, UnaryOperator<JsonObjectBuilder> change, String... groups) {
        return signed(keys.getPrivate(), "test-key", "JWT", claims(user, change, groups));
    }

    private static JsonObject claims(String user, UnaryOperator<JsonObjectBuilder> change, String... groups) {
        Instant now = Instant.now();
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("aud", AUDIENCE)
                .add("sub", user)
                .add("upn", user)
                .add("groups", Json.createArrayBuilder(java.util.List.of(groups)))
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(Duration.ofMinutes(30)).getEpochSecond())
                .add("jti", UUID.randomUUID().toString());
        return change.apply(claims).build();
    }

    /** A token of {@code user} whose JOSE header says {@code typ}, or has no {@code typ} when it is null. */
    public String typed(String typ, String user) {
        return signed(keys.getPrivate(), "test-key", typ, claims(user, c -> c, "baton-user"));
    }

    private static String signed(PrivateKey key, String keyId, String typ, JsonObject claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(keyId);
        if (typ != null) {
            jws.setHeader(HeaderParameterNames.TYPE, typ);
        }
        jws.setPayload(claims.toString());
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of {@link #token} with {@code alg: none} and no signature (RFC 8725 §2.1). */
    public String unsigned(String user) {
        return forged(user, "none", new byte[0]);
    }

    /** The claims of {@link #token} "signed" with HS256 and the RSA public key as the secret. */
    public String hs256WithPublicKey(String user) {
        return forged(user, "HS256", keys.getPublic().getEncoded());
    }

    private String forged(String user, String alg, byte[] secret) {
        String[] genuine = token(user, "baton-user").split("\\.");
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String header = base64url.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String input = header + "." + genuine[1];
        if (secret.length == 0) {
            return input + ".";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + base64url.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed by a key the server does not know. */
    public static String foreignToken(String user) {
        return new TestIssuer().token(user, "baton-user");
    }

    /** A token signed by a key the server does not know, naming a key id it has never seen. */
    public static String unknownKeyIdToken(String user) {
        TestIssuer stranger = new TestIssuer();
        Instant now = Instant.now();
        return signed(stranger.keys.getPrivate(), "no-such-key-" + UUID.randomUUID(), "JWT", Json.createObjectBuilder()
                .add("iss", ISSUER).add("aud", AUDIENCE).add("sub", user).add("upn", user)
                .add("groups", Json.createArrayBuilder().add("baton-user"))
                .add("iat", now.getEpochSecond()).add("exp", now.plus(Duration.ofMinutes(30)).getEpochSecond()).build());
    }
}
