package dev.baton.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The demo token issuer: an RSA key made at start-up and held in memory only, or, for several
 * nodes that must accept each other's demo tokens, read from {@code baton.demo.key-file} (a
 * PKCS#8 PEM file, e.g. {@code openssl genpkey -algorithm RSA}). Made only when
 * {@link DemoMode} is on.
 */
public final class DemoIssuer {

    public static final String ISSUER = "urn:baton:demo";
    public static final String KEY_ID = "baton-demo";

    private static final KeyPair KEYS = DemoMode.enabled()
            ? DemoMode.setting("baton.demo.key-file").map(DemoIssuer::read).orElseGet(DemoIssuer::generate)
            : null;

    private DemoIssuer() {
    }

    public static Optional<KeyPair> keys() {
        return Optional.ofNullable(KEYS);
    }

    /** {@code claims} as a compact RS256 JWT (RFC 7519) under {@link #KEY_ID}. */
    static String sign(PrivateKey key, JsonObject claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(KEY_ID).build(),
                    JWTClaimsSet.parse(claims.toString()));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    static String publicKeyPem() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair read(String file) {
        try {
            String pem = Files.readString(Path.of(file)).replaceAll("-----[A-Z ]+-----|\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), key);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("baton.demo.key-file must be an RSA private key in PKCS#8 PEM: " + file, e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }
}
