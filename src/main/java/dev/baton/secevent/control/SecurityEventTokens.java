package dev.baton.secevent.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import dev.baton.platform.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Optional;

/**
 * Security Event Tokens (RFC 8417): the claims of an event, fixed when it is written to the outbox,
 * and the signed token they become when it is sent, a JWS with header
 * {@code {"typ":"secevent+jwt","alg":"HS256"}}. The claims: {@code iss}, {@code iat} (when the
 * change happened), {@code jti}, {@code sub_id} (RFC 9493: the user at the identity provider,
 * {@code iss_sub}, or {@code opaque} when Baton knows no issuer), {@code events} with the one event
 * under its URI, and, at sending, {@code aud}: the webhook's URL.
 */
public final class SecurityEventTokens {

    public static final JOSEObjectType TYPE = new JOSEObjectType("secevent+jwt");

    private SecurityEventTokens() {
    }

    /** The claims of {@code event} as the outbox keeps them (everything but {@code aud}). */
    public static JsonObject claims(SecurityEvent event, String jti, String issuer, Optional<String> subjectIssuer) {
        JsonObjectBuilder claims = Jsons.JSON.createObjectBuilder()
                .add("iss", issuer)
                .add("iat", event.at().getEpochSecond())
                .add("jti", jti);
        if (event.user() != null) {
            claims.add("sub_id", subjectIssuer
                    .map(iss -> Jsons.object("format", "iss_sub", "iss", iss, "sub", event.user()))
                    .orElseGet(() -> Jsons.object("format", "opaque", "id", event.user())));
        }
        JsonObjectBuilder detail = Jsons.JSON.createObjectBuilder(event.details());
        if (!event.details().containsKey("at")) {
            detail.add("at", event.at().toString());
        }
        return claims.add("events", Jsons.JSON.createObjectBuilder().add(event.type().uri(), detail)).build();
    }

    /** The token sent to {@code audience}: the stored claims with {@code aud}, signed with HS256 under {@code key}. */
    public static String sign(String storedClaims, String audience, byte[] key) {
        JsonObject claims;
        try (JsonReader reader = Jsons.JSON.createReader(new StringReader(storedClaims))) {
            claims = reader.readObject();
        }
        JsonObjectBuilder withAudience = Jsons.JSON.createObjectBuilder();
        claims.forEach((name, value) -> {
            withAudience.add(name, value);
            if (name.equals("iss")) {
                withAudience.add("aud", audience);
            }
        });
        JWSObject token = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(),
                new Payload(withAudience.build().toString()));
        try {
            token.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed: " + e.getMessage(), e);
        }
        return token.serialize();
    }
}
