package dev.baton.device.entity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.baton.platform.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;

/**
 * The public key a device registers and proves possession of: a JWK (RFC 7517), EC on P-256
 * (proofs in ES256) or RSA of 2048 to 8192 bits (RS256). Nimbus JOSE+JWT reads the JWK and checks
 * that an EC point lies on its curve; Baton adds what it accepts. {@link #canonical()} holds
 * exactly the key's required members in RFC 7638 order, each in its shortest (RSA) or full-size
 * (EC) encoding, so two JWKs of one key compare equal as text and have one {@link #thumbprint()}.
 */
public record DeviceKey(String canonical, JWK key, JWSAlgorithm algorithm) {

    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 8192;
    /** A larger public exponent buys nothing and makes each verification dearer. */
    private static final int MAX_RSA_EXPONENT_BITS = 64;
    private static final int P256_COORDINATE_BYTES = 32;

    /** The key of a JWK; refuses anything but a well-formed P-256 or RSA public key. */
    public static DeviceKey of(JsonObject jwk) {
        try {
            return of(JWK.parse(jwk.toString()));
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The key of a JWK already read, e.g. from a proof's header. */
    public static DeviceKey of(JWK jwk) {
        if (jwk.isPrivate()) {
            throw new IllegalArgumentException("it holds a private key; send the public key only");
        }
        try {
            if (KeyType.EC.equals(jwk.getKeyType())) {
                return ec(jwk.toECKey());
            }
            if (KeyType.RSA.equals(jwk.getKeyType())) {
                return rsa(jwk.toRSAKey());
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable public key");
        }
        throw new IllegalArgumentException("kty must be EC or RSA");
    }

    /** The key stored as {@link #canonical()}. */
    public static DeviceKey parse(String canonical) {
        return of(jwk(canonical));
    }

    /** The key as a JWK of its required members. */
    public JsonObject jwk() {
        return jwk(canonical);
    }

    /** The key's JWK SHA-256 thumbprint (RFC 7638), base64url. */
    public String thumbprint() {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonObject jwk(String canonical) {
        return Jsons.JSON.createReader(new StringReader(canonical)).readObject();
    }

    private static DeviceKey ec(ECKey jwk) throws JOSEException {
        if (!Curve.P_256.equals(jwk.getCurve())) {
            throw new IllegalArgumentException("crv must be P-256");
        }
        // RFC 7518 §6.2.1.2: full-size coordinates; a shortened one is a sloppy encoder, refused.
        if (jwk.getX().decode().length != P256_COORDINATE_BYTES || jwk.getY().decode().length != P256_COORDINATE_BYTES) {
            throw new IllegalArgumentException("x and y must be 32 bytes");
        }
        return canonical(new ECKey.Builder(Curve.P_256, jwk.toECPublicKey()).build(), JWSAlgorithm.ES256);
    }

    private static DeviceKey rsa(RSAKey jwk) throws JOSEException {
        RSAPublicKey key = jwk.toRSAPublicKey();
        BigInteger n = key.getModulus();
        BigInteger e = key.getPublicExponent();
        if (n.bitLength() < MIN_RSA_BITS || n.bitLength() > MAX_RSA_BITS
                || !e.testBit(0) || e.compareTo(BigInteger.TWO) <= 0 || e.bitLength() > MAX_RSA_EXPONENT_BITS) {
            throw new IllegalArgumentException("RSA keys need 2048 to 8192 bits and an odd exponent above 2 of at most 64 bits");
        }
        // Rebuilt from the numbers: a modulus sent with a leading zero octet reads as the same key.
        return canonical(new RSAKey.Builder(key).build(), JWSAlgorithm.RS256);
    }

    private static DeviceKey canonical(JWK key, JWSAlgorithm algorithm) {
        return new DeviceKey(JSONObjectUtils.toJSONString(key.getRequiredParams()), key, algorithm);
    }
}
