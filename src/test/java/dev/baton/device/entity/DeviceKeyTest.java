package dev.baton.device.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeviceKeyTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void anRsaKeyReadsTheSameWithOrWithoutALeadingZeroAndWithExtraMembers() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey rsa = (RSAPublicKey) generator.generateKeyPair().getPublic();
        byte[] signed = rsa.getModulus().toByteArray();
        JsonObject plain = jwk(BASE64URL.encodeToString(Arrays.copyOfRange(signed, 1, signed.length)));
        JsonObject padded = Json.createObjectBuilder(jwk(BASE64URL.encodeToString(signed))).add("kid", "k1").add("use", "sig").build();
        assertEquals(DeviceKey.of(plain).canonical(), DeviceKey.of(padded).canonical());
        assertEquals("RS256", DeviceKey.of(plain).algorithm());
        assertEquals(DeviceKey.of(plain).canonical(), DeviceKey.parse(DeviceKey.of(plain).canonical()).canonical());
    }

    @Test
    void aPointOffTheCurveIsRefused() {
        String coordinate = BASE64URL.encodeToString(new byte[32]);
        JsonObject origin = Json.createObjectBuilder().add("kty", "EC").add("crv", "P-256").add("x", coordinate).add("y", coordinate).build();
        assertThrows(IllegalArgumentException.class, () -> DeviceKey.of(origin));
    }

    @Test
    void missingOrWronglyTypedMembersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DeviceKey.of(Json.createObjectBuilder().add("kty", "EC").build()));
        assertThrows(IllegalArgumentException.class, () -> DeviceKey.of(Json.createObjectBuilder().add("kty", 1).build()));
        assertThrows(IllegalArgumentException.class, () -> DeviceKey.of(jwk("not base64url!")));
    }

    private static JsonObject jwk(String n) {
        return Json.createObjectBuilder().add("kty", "RSA").add("n", n).add("e", "AQAB").build();
    }
}
