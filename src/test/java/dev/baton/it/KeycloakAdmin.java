package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's admin REST API as the run's bootstrap administrator, for what the realm file must not
 * hold (passwords, secrets) and for what tests change while Keycloak runs (signing keys).
 * The administrator's token lives 60 s; it is fetched again shortly before it ends.
 */
public final class KeycloakAdmin {

    private static final String KEY_PROVIDER = "org.keycloak.keys.KeyProvider";
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private final URI base;
    private final String realm;
    private final String username;
    private final String password;
    private String token;
    private Instant tokenEnds = Instant.EPOCH;

    KeycloakAdmin(URI base, String realm, String username, String password) {
        this.base = base;
        this.realm = realm;
        this.username = username;
        this.password = password;
    }

    /** A password grant on the master realm's {@code admin-cli}: the bootstrap admin has no browser. */
    public synchronized String token() {
        if (Instant.now().isAfter(tokenEnds.minus(MARGIN))) {
            JsonObject answer = KeycloakHttp.post(base.resolve("realms/master/protocol/openid-connect/token"), Map.of(
                    "grant_type", "password", "client_id", "admin-cli", "username", username, "password", password));
            token = answer.getString("access_token");
            tokenEnds = Instant.now().plusSeconds(answer.getInt("expires_in"));
        }
        return token;
    }

    /** GET {@code /admin/realms/<realm>/<path>}; an empty path is the realm itself. */
    public JsonStructure get(String path) {
        return KeycloakHttp.readJson(send("GET", path, null).body());
    }

    /** Sends {@code body} (or none) and answers the response; a status of 400 or more fails. */
    public HttpResponse<String> send(String method, String path, JsonStructure body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer = KeycloakHttp.exchange(request);
        if (answer.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + request.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    public String userId(String username) {
        JsonArray users = (JsonArray) get("users?exact=true&username=" + username);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no user " + username + " in realm " + realm);
        }
        return users.getJsonObject(0).getString("id");
    }

    public void setPassword(String username, String password) {
        send("PUT", "users/" + userId(username) + "/reset-password", Json.createObjectBuilder()
                .add("type", "password").add("value", password).add("temporary", false).build());
    }

    /** The secret Keycloak generated for a confidential client when it imported the realm. */
    public String clientSecret(String clientId) {
        JsonArray clients = (JsonArray) get("clients?clientId=" + clientId);
        return ((JsonObject) get("clients/" + clients.getJsonObject(0).getString("id") + "/client-secret")).getString("value");
    }

    /** Lets pages on {@code origin} call Keycloak's token endpoint as {@code clientId} (its CORS web origins). */
    public void allowWebOrigin(String clientId, String origin) {
        JsonObject client = ((JsonArray) get("clients?clientId=" + clientId)).getJsonObject(0);
        JsonArray origins = Json.createArrayBuilder(client.getJsonArray("webOrigins")).add(origin).build();
        send("PUT", "clients/" + client.getString("id"), Json.createObjectBuilder(client).add("webOrigins", origins).build());
    }

    /**
     * Whether {@code clientId}'s audience mapper also puts {@code baton} into its ID tokens, as an
     * administrator may tick by mistake: such an ID token then passes every audience check.
     */
    public void batonAudienceInIdTokens(String clientId, boolean on) {
        String client = ((JsonArray) get("clients?clientId=" + clientId)).getJsonObject(0).getString("id");
        String models = "clients/" + client + "/protocol-mappers/models";
        JsonObject mapper = ((JsonArray) get(models)).stream().map(JsonValue::asJsonObject)
                .filter(m -> "oidc-audience-mapper".equals(m.getString("protocolMapper"))).findFirst().orElseThrow();
        JsonObject config = Json.createObjectBuilder(mapper.getJsonObject("config")).add("id.token.claim", Boolean.toString(on)).build();
        send("PUT", models + "/" + mapper.getString("id"), Json.createObjectBuilder(mapper).add("config", config).build());
    }

    /**
     * Adds an {@code rsa-generated} key provider above every RS256 key so far: new tokens are
     * signed with its key, while the older keys stay in the JWKS, so tokens already issued still
     * verify (a rotation as an operator does it). Answers the new key's {@code kid}.
     */
    public String rotateKey() {
        int priority = rs256Keys().stream()
                .mapToInt(key -> key.getInt("providerPriority")).max().orElse(0) + 100;
        String realmId = ((JsonObject) get("")).getString("id");
        HttpResponse<String> created = send("POST", "components", Json.createObjectBuilder()
                .add("name", "rsa-rotated-" + priority).add("providerId", "rsa-generated")
                .add("providerType", KEY_PROVIDER).add("parentId", realmId)
                .add("config", Json.createObjectBuilder()
                        .add("priority", Json.createArrayBuilder().add(Integer.toString(priority)))
                        .add("algorithm", Json.createArrayBuilder().add("RS256"))
                        .add("keySize", Json.createArrayBuilder().add("2048")))
                .build());
        String location = created.headers().firstValue("Location").orElseThrow();
        String providerId = location.substring(location.lastIndexOf('/') + 1);
        return rs256Keys().stream()
                .filter(key -> key.getString("providerId").equals(providerId))
                .map(key -> key.getString("kid")).findFirst().orElseThrow();
    }

    /** Removes the provider of key {@code kid}: it leaves the JWKS, and its tokens stop verifying. */
    public void dropKey(String kid) {
        String providerId = rs256Keys().stream()
                .filter(key -> key.getString("kid").equals(kid))
                .map(key -> key.getString("providerId")).findFirst().orElseThrow();
        send("DELETE", "components/" + providerId, null);
    }

    /** The realm's RS256 keys as {@code GET keys} lists them: kid, providerId, providerPriority, status. */
    public List<JsonObject> rs256Keys() {
        return ((JsonObject) get("keys")).getJsonArray("keys").stream().map(JsonValue::asJsonObject)
                .filter(key -> "RS256".equals(key.getString("algorithm", ""))).toList();
    }

    private URI uri(String path) {
        return base.resolve("admin/realms/" + realm + (path.isEmpty() ? "" : "/" + path));
    }
}
