package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A device's key pair, as a browser or app would hold it, making DPoP proofs (RFC 9449). */
public final class ProofKey {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String algorithm;

    private ProofKey(KeyPair keys, String algorithm) {
        this.keys = keys;
        this.algorithm = algorithm;
    }

    public static ProofKey ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new ProofKey(generator.generateKeyPair(), "ES256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProofKey rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new ProofKey(generator.generateKeyPair(), "RS256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JWK. */
    public JsonObject jwk() {
        if (keys.getPublic() instanceof ECPublicKey ec) {
            return Json.createObjectBuilder().add("kty", "EC").add("crv", "P-256")
                    .add("x", fixed(ec.getW().getAffineX())).add("y", fixed(ec.getW().getAffineY())).build();
        }
        RSAPublicKey rsa = (RSAPublicKey) keys.getPublic();
        return Json.createObjectBuilder().add("kty", "RSA").add("n", unsigned(rsa.getModulus()))
                .add("e", unsigned(rsa.getPublicExponent())).build();
    }

    /** A fresh proof for one call. */
    public String proof(String method, URI url) {
        return proof(method, url, header -> header, claims -> claims);
    }

    /** A proof whose header and claims the test may alter before it is signed. */
    public String proof(String method, URI url, UnaryOperator<JsonObjectBuilder> header, UnaryOperator<JsonObjectBuilder> claims) {
        JsonObject head = header.apply(Json.createObjectBuilder().add("typ", "dpop+jwt").add("alg", algorithm).add("jwk", jwk())).build();
        JsonObject body = claims.apply(Json.createObjectBuilder()
                .add("htm", method)
                .add("htu", url.toString())
                .add("iat", Instant.now().getEpochSecond())
                .add("jti", UUID.randomUUID().toString())).build();
        String input = encode(head.toString()) + "." + encode(body.toString());
        try {
            Signature signature = Signature.getInstance("ES256".equals(algorithm) ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String fixed(BigInteger coordinate) {
        byte[] bytes = coordinate.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return BASE64URL.encodeToString(out);
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return BASE64URL.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }
}
