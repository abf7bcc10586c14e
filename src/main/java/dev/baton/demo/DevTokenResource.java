package dev.baton.demo;

import dev.baton.platform.json.Fields;
import dev.baton.platform.json.JsonBodies;
import dev.baton.platform.json.Jsons;
import dev.baton.platform.net.Cidr;
import dev.baton.platform.net.ClientAddresses;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /dev/token}: a signed JWT for any user, in demo mode and to clients on this machine
 * only; 404 otherwise. The loopback check holds even when the listener is opened to the network.
 */
@Path("dev/token")
@ApplicationScoped
public class DevTokenResource {

    private static final Duration LIFETIME = Duration.ofHours(1);

    @Inject
    Clock clock;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject mint(byte[] body) {
        KeyPair keys = DemoIssuer.keys().filter(k -> fromLoopback()).orElseThrow(BatonException::notFound);
        JsonObject request = JsonBodies.object(body, Problem.INVALID_REQUEST);
        String user = Fields.text(request, "user", 128);
        JsonArray groups = groups(request.getOrDefault("groups", Jsons.JSON.createArrayBuilder().add("baton-user").build()));
        Instant now = clock.instant();
        JsonObject claims = Jsons.object(
                "iss", DemoIssuer.ISSUER,
                "sub", user,
                "upn", user,
                "groups", groups,
                "iat", now.getEpochSecond(),
                "exp", now.plus(LIFETIME).getEpochSecond(),
                "jti", UUID.randomUUID().toString());
        return Jsons.object("token", DemoIssuer.sign(keys.getPrivate(), claims), "expiresAt", now.plus(LIFETIME));
    }

    /** The client's, not the peer's: a trusted proxy on this machine forwards calls from anywhere. */
    private boolean fromLoopback() {
        return Cidr.address(addresses.of(request)).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private static JsonArray groups(JsonValue value) {
        if (!(value instanceof JsonArray array) || array.size() > 16
                || !array.stream().allMatch(g -> g instanceof JsonString s && !s.getString().isBlank() && s.getString().length() <= 64)) {
            throw Fields.invalid("'groups' must be a list of at most 16 names.");
        }
        return array;
    }
}
