package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test data: a user of their own for each test, with the steps of the flow as one-liners.
 *
 * <p>One naming rule: a step named by its verb ({@code register}, {@code open}, {@code offer},
 * {@code pull}, {@code move}) must succeed — it asserts so and answers what the flow goes on with,
 * so a test states only what it is about; the verb with {@code Reply} ({@code registerReply},
 * {@code offerReply}, {@code claimReply}, …) sends the same call and answers the {@link Reply} as it
 * came, for tests about the answer itself.
 */
public final class Clerk {

    public record Device(String id, String token) {
    }

    public record Held(String id, String token) {
    }

    /** Where most flows start: a desktop holding an open session, and a phone of the same user. */
    public record TwoDevices(Device desktop, Device phone, Held session) {
    }

    public final Api api;
    public final String user;
    private final Supplier<String> tokens;

    public Clerk(Api api, TestIssuer issuer, String... groups) {
        this(api, "clerk-" + UUID.randomUUID(), issuer, groups.length == 0 ? new String[] {"baton-user"} : groups);
    }

    private Clerk(Api api, String user, TestIssuer issuer, String[] groups) {
        this(api, user, () -> issuer.token(user, groups));
    }

    /** A user whose tokens come from elsewhere: a real identity provider. */
    public Clerk(Api api, String user, Supplier<String> tokens) {
        this.api = api;
        this.user = user;
        this.tokens = tokens;
    }

    /** The same user, calling another node. */
    public Clerk at(Api other) {
        return new Clerk(other, user, tokens);
    }

    public static Clerk fresh() {
        return new Clerk(new Api(SharedBaton.server().base()), SharedBaton.issuer());
    }

    /** A token just issued, as a fresh sign-in gives (or the identity provider's current one). */
    public String jwt() {
        return tokens.get();
    }

    public Device register(String kind) {
        Reply reply = registerReply(kind, null);
        assertEquals(201, reply.status(), reply::toString);
        return new Device(reply.get("id"), reply.get("deviceToken"));
    }

    /** {@code POST /devices} for a device of {@code kind}, bound to {@code publicKey} unless it is null. */
    public Reply registerReply(String kind, JsonObject publicKey) {
        JsonObjectBuilder device = Json.createObjectBuilder().add("name", kind + " of " + user).add("kind", kind).add("platform", "test");
        return api.post("devices").bearer(jwt()).json((publicKey == null ? device : device.add("publicKey", publicKey)).build()).send();
    }

    public Reply openReply(Device device, String application, JsonObject state) {
        return api.post("sessions").bearer(jwt()).device(device.token())
                .json(Json.createObjectBuilder().add("application", application).add("state", state).build()).send();
    }

    public Held open(Device device, JsonObject state) {
        Reply reply = openReply(device, "portal", state);
        assertEquals(201, reply.status(), reply::toString);
        return new Held(reply.get("id"), reply.get("sessionToken"));
    }

    public Held open(Device device) {
        return open(device, Json.createObjectBuilder().add("form", "loan-42").add("step", 3).build());
    }

    /** Registers a desktop and a phone and opens a session on the desktop. */
    public TwoDevices twoDevices() {
        Device desktop = register("desktop");
        Device phone = register("phone");
        return new TwoDevices(desktop, phone, open(desktop));
    }

    public Reply readSessionReply(Device device, Held session) {
        return api.get("sessions/" + session.id()).bearer(jwt()).device(device.token()).session(session.token()).send();
    }

    public Reply offerReply(Device source, Held session, String targetId, JsonObject info) {
        return offerReply(source, session, targetId, encode(info));
    }

    public Reply offerReply(Device source, Held session, String targetId, String infoHeader) {
        return api.post("sessions/" + session.id() + "/transfers").bearer(jwt()).device(source.token())
                .session(session.token()).header("Baton-Session-Info", infoHeader)
                .json(Json.createObjectBuilder().add("targetDeviceId", targetId).build()).send();
    }

    /** Requests a transfer that must succeed; answers the 201's body. */
    public JsonObject offer(Device source, Held session, Device target) {
        Reply reply = offerReply(source, session, target.id(), info());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    public Reply claimReply(Device device, String transferId, String code) {
        return api.post("transfers/" + transferId + "/claim").bearer(jwt()).device(device.token())
                .json(Json.createObjectBuilder().add("claimCode", code).build()).send();
    }

    public Reply restoreReply(Device device, String sessionId, String restoreToken, JsonObject info) {
        return api.post("sessions/" + sessionId + "/restore").bearer(jwt()).device(device.token())
                .json(Json.createObjectBuilder().add("restoreToken", restoreToken).add("sessionInfo", info).build()).send();
    }

    /** The whole move of {@code session} from {@code source} to {@code target}; answers the restore's body. */
    public JsonObject move(Held session, Device source, Device target) {
        JsonObject transfer = offer(source, session, target);
        Reply claim = claimReply(target, transfer.getString("id"), transfer.getString("claimCode"));
        assertEquals(200, claim.status(), claim::toString);
        Reply restore = restoreReply(target, session.id(), claim.get("restoreToken"), claim.json().getJsonObject("sessionInfo"));
        assertEquals(200, restore.status(), restore::toString);
        return restore.json();
    }

    /** {@code POST /transfers}: "continue here", {@code target} asks for the session. */
    public Reply pullReply(Device target, String sessionId) {
        return api.post("transfers").bearer(jwt()).device(target.token())
                .json(Json.createObjectBuilder().add("sessionId", sessionId).build()).send();
    }

    /** Asks for a session, which must succeed; answers the 201's body. */
    public JsonObject pull(Device target, Held session) {
        Reply reply = pullReply(target, session.id());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    /** The holder approves a pull, sending {@link #info()}. */
    public Reply approveReply(Device holder, Held session, String transferId) {
        return api.post("transfers/" + transferId + "/approve").bearer(jwt()).device(holder.token()).session(session.token())
                .header("Baton-Session-Info", encode(info())).send();
    }

    public Reply denyReply(Device holder, String transferId) {
        return api.post("transfers/" + transferId + "/deny").bearer(jwt()).device(holder.token()).send();
    }

    public static JsonObject info() {
        return Json.createObjectBuilder().add("page", "/loans/42/step/3").add("scroll", 1200).build();
    }

    public static String encode(JsonObject info) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(info.toString().getBytes(StandardCharsets.UTF_8));
    }
}
