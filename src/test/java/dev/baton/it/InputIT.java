package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a clear 4xx problem and changes nothing; input at its limits passes. */
@ExtendWith(SharedBaton.class)
class InputIT {

    private final Clerk clerk = Clerk.fresh();
    private final Api api = clerk.api;

    @Test
    void malformedBodiesAreInvalidRequests() {
        String[] bodies = {
            "{\"name\":\"x\",",
            "[]",
            "{\"name\":\"x\",\"kind\":\"desktop\",\"platform\":\"y\"} trailing",
            "{\"name\":5,\"kind\":\"desktop\",\"platform\":\"y\"}",
            "{\"name\":\"x\",\"kind\":\"toaster\",\"platform\":\"y\"}",
            "{\"name\":\"x\",\"kind\":\"desktop\"}",
            "{\"name\":\"bell\\u0007\",\"kind\":\"desktop\",\"platform\":\"y\"}",
            "{\"name\":\"x\",\"kind\":\"desktop\",\"platform\":\"y\",\"deep\":" + "[".repeat(70) + "]".repeat(70) + "}",
        };
        for (String body : bodies) {
            Reply reply = api.post("devices").bearer(clerk.jwt()).json(body).send();
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
            assertEquals("invalid-request", reply.code());
        }
        Reply invalidUtf8 = api.post("devices").bearer(clerk.jwt())
                .raw("application/json", new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}).send();
        assertEquals("invalid-request", invalidUtf8.code());
        assertEquals(0, api.get("devices").bearer(clerk.jwt()).send().array().size(), "nothing was registered");
    }

    /**
     * What JSON-P and JSON-B let through by default is refused, and the detail names the member at
     * fault: a name given twice (the last would win), a member the API does not know (it would be
     * dropped), a number or a boolean where text belongs (it would be taken as text).
     */
    @Test
    void duplicateUnknownAndWronglyTypedMembersAreRefusedByName() {
        String[][] refusals = {
            {"{\"name\":\"x\",\"kind\":\"phone\",\"kind\":\"desktop\",\"platform\":\"y\"}", "'kind' appears more than once."},
            {"{\"name\":\"x\",\"kind\":\"phone\",\"platform\":\"y\",\"publicKey\":{\"kty\":\"EC\",\"kty\":\"RSA\"}}",
                "'publicKey.kty' appears more than once."},
            {"{\"name\":\"x\",\"kind\":\"phone\",\"platform\":\"y\",\"colour\":\"red\"}", "'colour' is not a known field."},
            {"{\"name\":\"x\",\"kind\":\"phone\",\"platform\":true}", "'platform' must be a string."},
            {"{\"name\":\"x\",\"kind\":7,\"platform\":\"y\"}", "'kind' must be a string."},
            {"{\"name\":\"x\",\"kind\":\"phone\",\"platform\":\"y\",\"publicKey\":\"a key\"}", "'publicKey' must be a JSON object."},
            {"{\"name\":\"" + "n".repeat(101) + "\",\"kind\":\"phone\",\"platform\":\"y\"}", "'name' must be 1 to 100 characters."},
            {"{\"name\":\"x\",\"platform\":\"y\"}", "'kind' is required."},
        };
        for (String[] refusal : refusals) {
            Reply reply = api.post("devices").bearer(clerk.jwt()).json(refusal[0]).send();
            assertEquals(400, reply.status(), () -> refusal[0] + " -> " + reply);
            assertEquals("invalid-request", reply.code());
            assertEquals(refusal[1], reply.json().getString("detail"), refusal[0]);
        }
        assertEquals(0, api.get("devices").bearer(clerk.jwt()).send().array().size(), "nothing was registered");
    }

    /** Strings an attacker would try, in every text field: stored and answered exactly, or refused. */
    private static final String[] HOSTILE = {
        "Robert'); DROP TABLE device;--",
        "' OR '1'='1",
        "<script>alert(document.cookie)</script>",
        "\"><img src=x onerror=alert(1)>",
        "${jndi:ldap://127.0.0.1/x}",
        "%00%0d%0aSet-Cookie: x=y",
        "Ünïcødé ✓ 𝄞 مرحبا",
    };

    @Test
    void hostileStringsInEveryFieldAreStoredAndAnsweredExactly() {
        for (String hostile : HOSTILE) {
            Reply created = api.post("devices").bearer(clerk.jwt()).json(Json.createObjectBuilder()
                    .add("name", hostile).add("kind", "phone").add("platform", hostile).build()).send();
            assertEquals(201, created.status(), hostile + ": " + created);
            Reply read = api.get("devices/" + created.get("id")).bearer(clerk.jwt()).send();
            assertEquals(hostile, read.get("name"));
            assertEquals(hostile, read.get("platform"));
            assertEquals("application/json", read.header("Content-Type"));
            api.delete("devices/" + created.get("id")).bearer(clerk.jwt()).send();
        }
        Clerk.Device desktop = clerk.register("desktop");
        JsonObject state = Json.createObjectBuilder()
                .add("sql", HOSTILE[0]).add("html", HOSTILE[2]).add("unicode", HOSTILE[6])
                .add(HOSTILE[1], "a key too").build();
        Clerk.Held session = clerk.open(desktop, state);
        assertEquals(state, clerk.readSessionReply(desktop, session).json().getJsonObject("state"));
        Reply opened = clerk.openReply(desktop, HOSTILE[0], state);
        assertEquals(400, opened.status(), "an application name is a plain identifier: " + opened);
    }

    @Test
    void absurdNumbersAreKeptExactlyOrRefused() {
        Clerk.Device desktop = clerk.register("desktop");
        String numbers = "{\"huge\":1e400,\"tiny\":1e-400,\"long\":123456789012345678901234567890,\"negativeZero\":-0.0}";
        Reply opened = api.post("sessions").bearer(clerk.jwt()).device(desktop.token())
                .json("{\"application\":\"portal\",\"state\":" + numbers + "}").send();
        assertEquals(201, opened.status(), opened::toString);
        JsonObject state = clerk.readSessionReply(desktop, new Clerk.Held(opened.get("id"), opened.get("sessionToken"))).json().getJsonObject("state");
        assertEquals(new java.math.BigDecimal("1e400"), state.getJsonNumber("huge").bigDecimalValue());
        assertEquals(new java.math.BigDecimal("1e-400"), state.getJsonNumber("tiny").bigDecimalValue());
        assertEquals(new java.math.BigDecimal("123456789012345678901234567890"), state.getJsonNumber("long").bigDecimalValue());
        for (String claimCode : new String[] {"1e400", "-1", "12345678901234567890", "true", "null", "[]"}) {
            Reply claim = api.post("transfers/" + java.util.UUID.randomUUID() + "/claim").bearer(clerk.jwt()).device(desktop.token())
                    .json("{\"claimCode\":" + claimCode + "}").send();
            assertTrue(claim.status() == 400 || claim.status() == 404, claimCode + ": " + claim);
        }
        Reply page = api.get("audit?page=99999999999999999999&size=-1").bearer(SharedBaton.issuer().token("auditor", "baton-auditor")).send();
        assertEquals(400, page.status());
    }

    @Test
    void controlCharactersInNamesAreRefused() {
        for (String name : new String[] {"tab\there", "line\nbreak", "nul\u0000", "bell\u0007", "del\u007f"}) {
            Reply refused = api.post("devices").bearer(clerk.jwt()).json(Json.createObjectBuilder()
                    .add("name", name).add("kind", "phone").add("platform", "p").build()).send();
            assertEquals(400, refused.status(), () -> name.chars().boxed().toList() + ": " + refused);
        }
        assertEquals(0, api.get("devices").bearer(clerk.jwt()).send().array().size());
    }

    @Test
    void wrongMediaTypesAndOversizeBodiesAreRefused() {
        Reply text = api.post("devices").bearer(clerk.jwt()).raw("text/plain", "hello".getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(415, text.status());
        assertEquals("unsupported-media-type", text.code());

        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        Reply tooLarge = api.post("devices").bearer(clerk.jwt()).json(huge).send();
        assertEquals(413, tooLarge.status());
        assertEquals("payload-too-large", tooLarge.code());

        Clerk.Device desktop = clerk.register("desktop");
        Reply bigState = clerk.openReply(desktop, "portal", Json.createObjectBuilder().add("blob", "x".repeat(70_000)).build());
        assertEquals(413, bigState.status());
        assertEquals("payload-too-large", bigState.code());
    }

    @Test
    void sessionInformationAtItsLimitPassesTheHttpListener() {
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        String filler = "y".repeat(4096 - "{\"f\":\"\"}".length());
        JsonObject atLimit = Json.createObjectBuilder().add("f", filler).build();
        assertEquals(4096, atLimit.toString().getBytes(StandardCharsets.UTF_8).length);

        Reply over = clerk.offerReply(desktop, session, phone.id(),
                Json.createObjectBuilder().add("f", filler + "y").build());
        assertEquals(413, over.status(), over::toString);
        assertEquals("payload-too-large", over.code());

        Reply passed = clerk.offerReply(desktop, session, phone.id(), atLimit);
        assertEquals(201, passed.status(), passed::toString);
        Reply claim = clerk.claimReply(phone, passed.get("id"), passed.get("claimCode"));
        assertEquals(atLimit, claim.json().getJsonObject("sessionInfo"));
    }

    @Test
    void badSessionInformationIsRefusedBeforeAnythingIsStored() {
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        // missing, not base64url, a JSON array ("[]"), cut-off JSON ("{\"a\":")
        String[] headers = {null, "!!not base64!!", "W10", "eyJhIjo"};
        for (String header : headers) {
            Reply reply = clerk.offerReply(desktop, session, phone.id(), header);
            assertEquals(400, reply.status(), () -> header + " -> " + reply);
            assertEquals("session-info-invalid", reply.code());
        }
        assertEquals(201, clerk.offerReply(desktop, session, phone.id(), Clerk.info()).status());
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        Reply unknown = api.get("no-such-thing").bearer(clerk.jwt()).send();
        assertEquals(404, unknown.status());
        assertEquals("not-found", unknown.code());
        Reply method = api.put("devices").bearer(clerk.jwt()).json("{}").send();
        assertEquals(405, method.status());
        assertEquals("method-not-allowed", method.code());
    }

    @Test
    void answersCarryTheSecurityHeadersAndNoServerBanner() {
        Reply reply = api.post("devices").bearer(clerk.jwt())
                .json("{\"name\":\"d\",\"kind\":\"desktop\",\"platform\":\"p\"}").send();
        assertEquals(201, reply.status());
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals(null, reply.header("Server"));
        assertEquals(null, reply.header("X-Powered-By"));
        Reply problem = api.get("devices").send();
        assertEquals("nosniff", problem.header("X-Content-Type-Options"));
        assertEquals(null, problem.header("Server"));
    }
}
