package dev.baton.secevent.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityEventTokensTest {

    private static final byte[] KEY = "a test secret of more than thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.parse("2026-12-01T06:00:00.123456Z");
    private static final String JTI = "5c3e2f0a-8d0b-4a52-9f0e-0d1c2b3a4f5e";
    private static final String HOOK = "https://siem.example/baton/events";

    @Test
    void anAdminsEndOfSessionsIsASignedSetAboutTheUserWithTheAdminAndSessionIds() throws Exception {
        SecurityEvent event = SecurityEvent.sessionsEndedByAdmin("alice", "root", List.of("s-1", "s-2"), AT);
        JsonObject stored = SecurityEventTokens.claims(event, JTI, "https://baton.example/", Optional.of("https://sso.example/realms/bank"));

        JWSObject token = JWSObject.parse(SecurityEventTokens.sign(stored.toString(), HOOK, KEY));

        assertTrue(token.verify(new MACVerifier(KEY)));
        assertEquals(JWSAlgorithm.HS256, token.getHeader().getAlgorithm());
        assertEquals("secevent+jwt", token.getHeader().getType().getType());
        JsonObject claims = json(token.getPayload().toString());
        assertEquals("https://baton.example/", claims.getString("iss"));
        assertEquals(HOOK, claims.getString("aud"));
        assertEquals(AT.getEpochSecond(), claims.getJsonNumber("iat").longValue());
        assertEquals(JTI, claims.getString("jti"));
        assertEquals(Json.createObjectBuilder().add("format", "iss_sub").add("iss", "https://sso.example/realms/bank")
                .add("sub", "alice").build(), claims.getJsonObject("sub_id"));
        JsonObject events = claims.getJsonObject("events");
        assertEquals(1, events.size());
        JsonObject ended = events.getJsonObject("https://baton.dev/events/sessions-ended-by-admin");
        assertEquals("root", ended.getString("admin"));
        assertEquals(List.of("s-1", "s-2"), ended.getJsonArray("sessionIds").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(AT.toString(), ended.getString("at"));
    }

    @Test
    void theOutboxKeepsNoAudienceAndEveryRetrySignsTheSameToken() {
        JsonObject stored = SecurityEventTokens.claims(SecurityEvent.deviceRevoked("alice", "d-1", "alice", AT), JTI, "urn:baton",
                Optional.empty());

        assertFalse(stored.containsKey("aud"));
        assertEquals(SecurityEventTokens.sign(stored.toString(), HOOK, KEY), SecurityEventTokens.sign(stored.toString(), HOOK, KEY));
    }

    @Test
    void withoutAnIdentityProviderIssuerTheSubjectIsOpaque() {
        JsonObject stored = SecurityEventTokens.claims(SecurityEvent.deviceRevoked("alice", "d-1", "root", AT), JTI, "urn:baton",
                Optional.empty());

        assertEquals(Json.createObjectBuilder().add("format", "opaque").add("id", "alice").build(), stored.getJsonObject("sub_id"));
        JsonObject revoked = stored.getJsonObject("events").getJsonObject("https://baton.dev/events/device-revoked");
        assertEquals("admin", revoked.getString("initiator"));
        assertEquals("root", revoked.getString("revokedBy"));
    }

    @Test
    void anAuditCheckpointHasNoSubject() {
        JsonObject checkpoint = Json.createObjectBuilder().add("seq", 7).add("hash", "h").add("at", AT.toString())
                .add("keyId", "k").add("mac", "m").build();
        JsonObject stored = SecurityEventTokens.claims(SecurityEvent.auditCheckpoint(checkpoint, AT), JTI, "urn:baton", Optional.empty());

        assertFalse(stored.containsKey("sub_id"));
        assertEquals(7, stored.getJsonObject("events").getJsonObject("https://baton.dev/events/audit-checkpoint").getInt("seq"));
    }

    @Test
    void aTokenSignedWithAnotherSecretDoesNotVerify() throws ParseException, JOSEException {
        String stored = SecurityEventTokens.claims(SecurityEvent.deviceRevoked("alice", "d-1", "alice", AT), JTI, "urn:baton",
                Optional.empty()).toString();
        JWSObject token = JWSObject.parse(SecurityEventTokens.sign(stored, HOOK, KEY));

        assertFalse(token.verify(new MACVerifier("another secret, also long enough for HS256".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void everyEventButACheckpointIsAboutAUser() {
        assertThrows(IllegalArgumentException.class,
                () -> new SecurityEvent(SecurityEvent.Type.DEVICE_REVOKED, null, AT, Json.createObjectBuilder().build()));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
