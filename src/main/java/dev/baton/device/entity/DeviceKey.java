package dev.baton.device.entity;

import dev.baton.platform.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The public key a device proves possession of (DESIGN.md §6): a JWK (RFC 7517), EC on P-256
 * (proofs in ES256) or RSA of at least 2048 bits (RS256). {@link #canonical()} holds exactly the
 * key's required members in RFC 7638 order, so two JWKs of one key compare equal as text.
 */
public record DeviceKey(String canonical, PublicKey key, String algorithm) {

    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 8192;
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder BASE64URL_OUT = Base64.getUrlEncoder().withoutPadding();

    /** The key of a JWK; refuses anything but a well-formed P-256 or RSA public key. */
    public static DeviceKey of(JsonObject jwk) {
        if (jwk.containsKey("d")) {
            throw new IllegalArgumentException("it holds a private key; send the public key only");
        }
        String kty = member(jwk, "kty");
        try {
            return switch (kty) {
                case "EC" -> ec(jwk);
                case "RSA" -> rsa(jwk);
                default -> throw new IllegalArgumentException("kty must be EC or RSA");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable public key", e);
        }
    }

    /** The key stored as {@link #canonical()}. */
    public static DeviceKey parse(String canonical) {
        return of(jwk(canonical));
    }

    /** The key as a JWK of its required members. */
    public JsonObject jwk() {
        return jwk(canonical);
    }

    private static JsonObject jwk(String canonical) {
        return Jsons.JSON.createReader(new StringReader(canonical)).readObject();
    }

    private static DeviceKey ec(JsonObject jwk) throws GeneralSecurityException {
        if (!"P-256".equals(member(jwk, "crv"))) {
            throw new IllegalArgumentException("crv must be P-256");
        }
        byte[] x = coordinate(jwk, "x");
        byte[] y = coordinate(jwk, "y");
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
        if (!onCurve(point, p256)) {
            throw new IllegalArgumentException("the point is not on P-256");
        }
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256));
        String canonical = Jsons.JSON.createObjectBuilder().add("crv", "P-256").add("kty", "EC")
                .add("x", BASE64URL_OUT.encodeToString(x)).add("y", BASE64URL_OUT.encodeToString(y)).build().toString();
        return new DeviceKey(canonical, key, "ES256");
    }

    private static DeviceKey rsa(JsonObject jwk) throws GeneralSecurityException {
        BigInteger n = new BigInteger(1, decode(jwk, "n"));
        BigInteger e = new BigInteger(1, decode(jwk, "e"));
        if (n.bitLength() < MIN_RSA_BITS || n.bitLength() > MAX_RSA_BITS || !e.testBit(0) || e.compareTo(BigInteger.TWO) <= 0) {
            throw new IllegalArgumentException("RSA keys need 2048 to 8192 bits and an odd exponent above 2");
        }
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        String canonical = Jsons.JSON.createObjectBuilder().add("e", unsigned(e)).add("kty", "RSA").add("n", unsigned(n)).build().toString();
        return new DeviceKey(canonical, key, "RS256");
    }

    /** y² = x³ + ax + b (mod p), with both coordinates below p. */
    private static boolean onCurve(ECPoint point, ECParameterSpec curve) {
        BigInteger p = ((ECFieldFp) curve.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    private static byte[] coordinate(JsonObject jwk, String name) {
        byte[] bytes = decode(jwk, name);
        if (bytes.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes");
        }
        return bytes;
    }

    private static byte[] decode(JsonObject jwk, String name) {
        try {
            return BASE64URL.decode(member(jwk, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64url");
        }
    }

    private static String member(JsonObject jwk, String name) {
        JsonValue value = jwk.get(name);
        if (!(value instanceof JsonString text) || text.getString().length() > 2048) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return text.getString();
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return BASE64URL_OUT.encodeToString(Arrays.copyOfRange(bytes, skip, bytes.length));
    }
}
