package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * What Keycloak's token endpoint answered to a sign-in or a refresh: the three tokens as issued,
 * and the access token's claims decoded (not verified: verifying is Baton's job, and the tests
 * want to see what Baton is given).
 */
public record KeycloakTokens(String accessToken, String idToken, String refreshToken, JsonObject claims) {

    public KeycloakTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(claims, "claims");
    }

    /** Reads a token response; {@code id_token} is there only when {@code openid} was in scope. */
    static KeycloakTokens of(JsonObject response) {
        String access = response.getString("access_token");
        return new KeycloakTokens(access, response.getString("id_token", null), response.getString("refresh_token"),
                decodeClaims(access));
    }

    /** The access token's JOSE header: {@code alg}, {@code typ}, {@code kid}. */
    public JsonObject header() {
        return decodeHeader(accessToken);
    }

    public String kid() {
        return header().getString("kid");
    }

    public Instant authTime() {
        return Instant.ofEpochSecond(claims.getJsonNumber("auth_time").longValue());
    }

    public Instant issuedAt() {
        return Instant.ofEpochSecond(claims.getJsonNumber("iat").longValue());
    }

    public JsonObject idClaims() {
        return decodeClaims(Objects.requireNonNull(idToken, "no id_token: openid was not in scope"));
    }

    public JsonObject refreshClaims() {
        return decodeClaims(refreshToken);
    }

    public static JsonObject decodeHeader(String jwt) {
        return part(jwt, 0);
    }

    public static JsonObject decodeClaims(String jwt) {
        return part(jwt, 1);
    }

    private static JsonObject part(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        String json = new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
