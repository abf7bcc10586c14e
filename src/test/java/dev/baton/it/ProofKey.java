package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jose4j.base64url.Base64Url;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * A device's key pair, as a browser or app would hold it, making DPoP proofs (RFC 9449). It signs
 * with jose4j, not with the Nimbus JOSE+JWT that Baton verifies with: a bug the two shared would
 * otherwise pass unseen.
 */
public final class ProofKey {

    private final PublicJsonWebKey keys;
    private final String algorithm;

    private ProofKey(PublicJsonWebKey keys, String algorithm) {
        this.keys = keys;
        this.algorithm = algorithm;
    }

    public static ProofKey ec() {
        try {
            return new ProofKey(EcJwkGenerator.generateJwk(EllipticCurves.P256), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProofKey rsa() {
        try {
            return new ProofKey(RsaJwkGenerator.generateJwk(2048), AlgorithmIdentifiers.RSA_USING_SHA256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JWK. */
    public JsonObject jwk() {
        return Json.createObjectBuilder(keys.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).build();
    }

    /** The key's JWK SHA-256 thumbprint (RFC 7638), as jose4j computes it. */
    public String thumbprint() {
        return keys.calculateBase64urlEncodedThumbprint("SHA-256");
    }

    /** A fresh proof for one call. */
    public String proof(String method, URI url) {
        return proof(method, url, header -> header, claims -> claims);
    }

    /**
     * A proof whose header and claims the test may alter before it is signed, by the algorithm the
     * header then names: {@code none} unsigned, {@code HS256} with the public JWK's text as the
     * secret (the algorithm-confusion forgery), one of this key's family with this private key
     * whatever its curve or hash; an algorithm of another family (or none named) cannot use this
     * key, so the proof is then signed by this key's own algorithm under the header as it is.
     */
    public String proof(String method, URI url, UnaryOperator<JsonObjectBuilder> header, UnaryOperator<JsonObjectBuilder> claims) {
        JsonObject head = header.apply(Json.createObjectBuilder().add("typ", "dpop+jwt").add("alg", algorithm).add("jwk", jwk())).build();
        JsonObject body = claims.apply(Json.createObjectBuilder()
                .add("htm", method)
                .add("htu", url.toString())
                .add("iat", Instant.now().getEpochSecond())
                .add("jti", UUID.randomUUID().toString())).build();
        String alg = head.getString("alg", "");
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jws.getHeaders().setFullHeaderAsJsonString(head.toString());
            jws.setPayload(body.toString());
            if (alg.startsWith("HS")) {
                jws.setKey(new HmacKey(jwk().toString().getBytes(StandardCharsets.UTF_8)));
            } else if (!ownFamily(alg)) {
                return signedByOwnAlgorithm(jws.getHeaders().getEncodedHeader() + "." + jws.getEncodedPayload());
            } else if (!AlgorithmIdentifiers.NONE.equals(alg)) {
                jws.setKey(keys.getPrivateKey());
                jws.setDoKeyValidation(false);
            }
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean ownFamily(String alg) {
        return AlgorithmIdentifiers.NONE.equals(alg) || !alg.isEmpty() && alg.startsWith("ES") == algorithm.startsWith("ES");
    }

    private String signedByOwnAlgorithm(String signingInput) throws JoseException {
        JsonWebSignatureAlgorithm own = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(algorithm);
        byte[] signature = own.sign(own.prepareForSign(keys.getPrivateKey(), new ProviderContext()),
                signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }
}
