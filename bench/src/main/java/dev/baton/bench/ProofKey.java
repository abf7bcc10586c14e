package dev.baton.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.util.Date;
import java.util.UUID;

/** A device's EC P-256 key, signing a DPoP-style proof (RFC 9449) for every call the device makes. */
final class ProofKey {

    private final ECKey key;
    private final ECDSASigner signer;
    private final JWSHeader header;

    ProofKey() {
        try {
            key = new ECKeyGenerator(Curve.P_256).generate();
            signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK()).build();
    }

    /** The public key as a JWK object, for registration. */
    String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    String proof(String method, URI url) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("htm", method).claim("htu", url.toString())
                .issueTime(new Date()).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
