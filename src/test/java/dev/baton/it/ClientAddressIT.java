package dev.baton.it;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The address Baton records for a call: the shared server trusts 127.0.0.1 as a proxy
 * ({@code BATON_TRUSTED_PROXIES=127.0.0.1/32}), so what a call from 127.0.0.1 forwards counts;
 * 127.0.0.2 is loopback too, but no proxy of Baton's, so what it forwards is ignored.
 */
@ExtendWith(SharedBaton.class)
class ClientAddressIT {

    private static final String UNTRUSTED = "127.0.0.2";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Test
    void theAuditRecordsTheForwardedClientBehindATrustedProxyAndThePeerOtherwise() {
        Clerk clerk = Clerk.fresh();
        String client = documentationAddress();
        // The client's own claim (198.51.100.1) comes first; our proxy appended what it saw.
        Reply viaProxy = clerk.api.post("devices").bearer(clerk.jwt()).header("X-Forwarded-For", "198.51.100.1, " + client)
                .json(device("desktop")).send();
        assertEquals(201, viaProxy.status(), viaProxy::text);
        Curl.Result direct = new Curl(false).from(UNTRUSTED).header("Authorization", "Bearer " + clerk.jwt())
                .header("X-Forwarded-For", client).header("Content-Type", "application/json")
                .body("POST", device("phone").getBytes(StandardCharsets.UTF_8)).run(clerk.api.uri("devices").toString());
        assertEquals(201, direct.status(), direct.output());

        Map<String, String> addressByDevice = Audit.of(clerk).page("action=DEVICE_REGISTERED&user=" + clerk.user)
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getString("deviceId"), r -> r.getString("remoteAddress")));
        assertEquals(Map.of(viaProxy.get("id"), client, id(direct), UNTRUSTED), addressByDevice);
    }

    @Test
    void refusalsAreCountedAgainstTheForwardedClientOnlyBehindATrustedProxy() {
        String client = documentationAddress();
        Api api = new Api(SharedBaton.server().base());
        assertEquals(401, api.get("devices").bearer("not-a-jwt").header("X-Forwarded-For", client).send().status());
        Curl.Result direct = new Curl(false).from(UNTRUSTED).header("Authorization", "Bearer not-a-jwt")
                .header("X-Forwarded-For", client).run(api.uri("devices").toString());
        assertEquals(401, direct.status(), direct.output());

        BatonServer.sleep(SharedBaton.REFUSAL_WINDOW.multipliedBy(2).plusSeconds(1));
        List<String> addresses = Audit.of(Clerk.fresh()).page("action=REQUESTS_REFUSED&user=anonymous&size=200")
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("reason").startsWith("unauthenticated ×")).map(r -> r.getString("remoteAddress")).toList();
        assertTrue(addresses.contains(client), () -> client + " not in " + addresses);
        assertTrue(addresses.contains(UNTRUSTED), () -> UNTRUSTED + " not in " + addresses);
    }

    /** An address of the IPv6 documentation block, new for each test, as Baton writes it. */
    private static String documentationAddress() {
        return "2001:db8:0:0:0:0:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0x10000)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0x10000));
    }

    private static String device(String kind) {
        return "{\"name\":\"" + kind + "\",\"kind\":\"" + kind + "\",\"platform\":\"test\"}";
    }

    private static String id(Curl.Result result) {
        Matcher id = ID.matcher(result.output());
        assertTrue(id.find(), result.output());
        return id.group(1);
    }
}
