package dev.baton.platform.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityProviderKeysTest {

    @Test
    void aPemKeyIsTakenWithOrWithoutItsArmour() throws Exception {
        PublicKey rsa = generate("RSA", null);
        String body = Base64.getEncoder().encodeToString(rsa.getEncoded());
        String armoured = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(rsa.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        for (String text : new String[] {body, armoured}) {
            assertEquals(List.of(new RSAKey.Builder((RSAPublicKey) rsa).build()), keys(IdentityProviderKeys.fixed(text)));
        }
    }

    @Test
    void anEcPemKeyAndAJwksAreTaken() throws Exception {
        assertEquals("EC", keys(IdentityProviderKeys.fixed(Base64.getEncoder().encodeToString(
                generate("EC", new ECGenParameterSpec("secp256r1")).getEncoded()))).get(0).getKeyType().getValue());
        RSAKey named = new RSAKey.Builder((RSAPublicKey) generate("RSA", null)).keyID("k1").build();
        assertEquals(List.of(named), keys(IdentityProviderKeys.fixed(new JWKSet(named).toString())));
        assertEquals(List.of(named), keys(IdentityProviderKeys.fixed(named.toJSONString())));
    }

    @Test
    void textThatIsNoKeyIsRefused() {
        for (String wrong : new String[] {"not a key", "{\"keys\":[{\"kty\":\"XYZ\"}]}", "{"}) {
            assertThrows(IllegalStateException.class, () -> IdentityProviderKeys.fixed(wrong), wrong);
        }
    }

    private static List<JWK> keys(JWKSource<SecurityContext> source) throws Exception {
        return source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    }

    private static PublicKey generate(String algorithm, ECGenParameterSpec curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(curve);
        }
        return generator.generateKeyPair().getPublic();
    }
}
