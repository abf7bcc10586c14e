package dev.baton.demo;

import jakarta.json.Json;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.HeaderParameterNames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DemoIssuerTest {

    /** Read by jose4j, not by the Nimbus that signed it, so a shared mistake cannot hide. */
    @Test
    void aDemoTokenIsAnRs256JwtUnderTheDemoKeyIdCarryingTheClaims() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String token = DemoIssuer.sign(keys.getPrivate(), Json.createObjectBuilder()
                .add("iss", DemoIssuer.ISSUER).add("sub", "alice").add("upn", "alice")
                .add("groups", Json.createArrayBuilder().add("baton-user")).add("iat", 1_800_000_000L).add("exp", 1_800_003_600L).build());

        JwtClaims claims = new JwtConsumerBuilder().setVerificationKey(keys.getPublic()).setEvaluationTime(
                NumericDate.fromSeconds(1_800_000_060L)).setExpectedIssuer(DemoIssuer.ISSUER).build().processToClaims(token);
        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("baton-user"), claims.getStringListClaimValue("groups"));
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        assertEquals(AlgorithmIdentifiers.RSA_USING_SHA256, jws.getAlgorithmHeaderValue());
        assertEquals(DemoIssuer.KEY_ID, jws.getKeyIdHeaderValue());
        assertEquals("JWT", jws.getHeader(HeaderParameterNames.TYPE));
    }
}
