package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Device-bound calls (DESIGN.md §6): a device registered with a public key must prove possession
 * of it on every call; its token alone is useless, and every kind of bad proof is refused and audited.
 */
@ExtendWith(SharedBaton.class)
class DeviceProofIT {

    private final Clerk clerk = Clerk.fresh();

    @Test
    void aBoundDeviceIsServedOnlyWithAFreshProofOfItsOwnKeyForThisCall() {
        ProofKey key = ProofKey.ec();
        Clerk.Device phone = registerBound(key);
        Clerk.Held session = openBound(phone, key);
        URI url = clerk.api.uri("sessions/" + session.id());
        assertEquals(200, read(phone, session, key.proof("GET", url)).status());

        long now = Instant.now().getEpochSecond();
        ProofKey stranger = ProofKey.ec();
        String used = key.proof("GET", url);
        assertEquals(200, read(phone, session, used).status());
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no proof", null);
        refused.put("replayed", used);
        refused.put("another method", key.proof("POST", url));
        refused.put("another path", key.proof("GET", clerk.api.uri("sessions")));
        refused.put("another host", key.proof("GET", URI.create("http://baton.evil.example" + url.getRawPath())));
        refused.put("another port", key.proof("GET", URI.create("http://127.0.0.1:1" + url.getRawPath())));
        refused.put("issued long ago", key.proof("GET", url, h -> h, c -> c.add("iat", now - 600)));
        refused.put("issued in the future", key.proof("GET", url, h -> h, c -> c.add("iat", now + 600)));
        refused.put("no jti", key.proof("GET", url, h -> h, c -> c.remove("jti")));
        refused.put("not typed dpop+jwt", key.proof("GET", url, h -> h.add("typ", "JWT"), c -> c));
        refused.put("another alg", key.proof("GET", url, h -> h.add("alg", "RS256"), c -> c));
        refused.put("HS256 keyed with our public jwk", key.proof("GET", url, h -> h.add("alg", "HS256"), c -> c));
        refused.put("alg none", key.proof("GET", url, h -> h.add("alg", "none"), c -> c));
        refused.put("ES384 by our P-256 key", key.proof("GET", url, h -> h.add("alg", "ES384"), c -> c));
        refused.put("a crit header", key.proof("GET", url, h -> h.add("crit", Json.createArrayBuilder().add("b64")).add("b64", true), c -> c));
        refused.put("another key, its own jwk", stranger.proof("GET", url));
        refused.put("another key, our jwk", stranger.proof("GET", url, h -> h.add("jwk", key.jwk()), c -> c));
        refused.put("unsigned", unsigned(key.proof("GET", url)));
        refused.put("garbage", "not.a.proof");
        refused.forEach((what, proof) -> {
            Reply reply = read(phone, session, proof);
            assertEquals(401, reply.status(), what + ": " + reply);
            assertEquals("proof-invalid", reply.code(), what);
        });
        assertEquals(refused.size(), Audit.of(clerk).count("device=" + phone.id() + "&action=PROOF_REFUSED"));
        assertEquals(200, read(phone, session, key.proof("GET", url)).status(), "a fresh proof still works");
    }

    @Test
    void rsaKeysBindToo() {
        ProofKey key = ProofKey.rsa();
        Clerk.Device laptop = registerBound(key);
        JsonObject body = Json.createObjectBuilder().add("application", "portal").add("state", Json.createObjectBuilder()).build();
        Reply wrong = clerk.api.post("sessions").bearer(clerk.jwt()).device(laptop.token())
                .header("DPoP", ProofKey.ec().proof("POST", clerk.api.uri("sessions"))).json(body).send();
        assertEquals("proof-invalid", wrong.code());
        Reply pss = clerk.api.post("sessions").bearer(clerk.jwt()).device(laptop.token())
                .header("DPoP", key.proof("POST", clerk.api.uri("sessions"), h -> h.add("alg", "PS256"), c -> c)).json(body).send();
        assertEquals("proof-invalid", pss.code(), "signed by the registered key, but in another algorithm than RS256");
        Reply opened = clerk.api.post("sessions").bearer(clerk.jwt()).device(laptop.token())
                .header("DPoP", key.proof("POST", clerk.api.uri("sessions"))).json(body).send();
        assertEquals(201, opened.status(), opened::toString);
    }

    @Test
    void keysThatCannotBindAreRefusedAtRegistration() {
        JsonObject ec = ProofKey.ec().jwk();
        Map<String, JsonObject> refused = new LinkedHashMap<>();
        refused.put("symmetric", Json.createObjectBuilder().add("kty", "oct").add("k", "c2VjcmV0").build());
        refused.put("P-384", Json.createObjectBuilder(ec).add("crv", "P-384").build());
        refused.put("not on the curve", Json.createObjectBuilder(ec).add("y", ec.getString("x")).build());
        refused.put("short coordinate", Json.createObjectBuilder(ec).add("x", "AAAA").build());
        refused.put("private key", Json.createObjectBuilder(ec).add("d", "AAAA").build());
        refused.put("RSA of 1024 bits", Json.createObjectBuilder().add("kty", "RSA").add("n", "A".repeat(171)).add("e", "AQAB").build());
        refused.put("not an object", null);
        refused.forEach((what, jwk) -> {
            Reply reply = clerk.api.post("devices").bearer(clerk.jwt())
                    .json(jwk == null ? "{\"name\":\"n\",\"kind\":\"phone\",\"platform\":\"p\",\"publicKey\":\"AAAA\"}"
                            : Json.createObjectBuilder().add("name", "n").add("kind", "phone").add("platform", "p").add("publicKey", jwk).build().toString())
                    .send();
            assertEquals(400, reply.status(), what + ": " + reply);
        });
        assertEquals(0, clerk.api.get("devices").bearer(clerk.jwt()).send().array().size(), "nothing was registered");
    }

    /**
     * Behind a proxy the URL a proof names is the proxy's, as its {@code X-Forwarded-*} headers say
     * ({@code BATON_PROOF_TRUST_FORWARDED}); the shared server takes them from its trusted proxy
     * 127.0.0.1 alone. From 127.0.0.2 the same headers name nothing, and the proof is refused.
     */
    @Test
    void aProofNamesTheProxysUrlOnlyWhenATrustedProxySaysSo() {
        ProofKey key = ProofKey.ec();
        Clerk.Device phone = registerBound(key);
        Clerk.Held session = openBound(phone, key);
        URI inside = clerk.api.uri("sessions/" + session.id());
        URI outside = URI.create("https://baton.bank.example" + inside.getRawPath());
        Reply proxied = clerk.api.get("sessions/" + session.id()).bearer(clerk.jwt()).device(phone.token()).session(session.token())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "baton.bank.example")
                .header("DPoP", key.proof("GET", outside)).send();
        assertEquals(200, proxied.status(), proxied::toString);

        Curl.Result direct = new Curl(false).from("127.0.0.2").header("Authorization", "Bearer " + clerk.jwt())
                .header("Baton-Device-Token", phone.token()).header("Baton-Session-Token", session.token())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "baton.bank.example")
                .header("DPoP", key.proof("GET", outside)).run(inside.toString());
        assertEquals(401, direct.status(), direct.output());
        assertTrue(direct.output().contains("\"code\":\"proof-invalid\""), direct.output());
    }

    private Clerk.Device registerBound(ProofKey key) {
        Reply reply = clerk.registerReply("phone", key.jwk());
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(key.jwk().getString("kty"), reply.json().getJsonObject("publicKey").getString("kty"));
        return new Clerk.Device(reply.get("id"), reply.get("deviceToken"));
    }

    private Clerk.Held openBound(Clerk.Device device, ProofKey key) {
        Reply opened = clerk.api.post("sessions").bearer(clerk.jwt()).device(device.token())
                .header("DPoP", key.proof("POST", clerk.api.uri("sessions")))
                .json(Json.createObjectBuilder().add("application", "portal").add("state", Json.createObjectBuilder().add("n", 1)).build())
                .send();
        assertEquals(201, opened.status(), opened::toString);
        return new Clerk.Held(opened.get("id"), opened.get("sessionToken"));
    }

    private Reply read(Clerk.Device device, Clerk.Held session, String proof) {
        Api.Call call = clerk.api.get("sessions/" + session.id()).bearer(clerk.jwt()).device(device.token()).session(session.token());
        return (proof == null ? call : call.header("DPoP", proof)).send();
    }

    private static String unsigned(String proof) {
        return proof.substring(0, proof.lastIndexOf('.') + 1);
    }
}
