package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One user's calls through every operation of the API, each answer as it came (OpenApiIT hands
 * them to {@link DocumentedAnswers}): the push flow with its QR code, the old device kept out, the
 * pull approved, denied and cancelled, an offer declined, state with If-Match, the audit, the admin,
 * a device's event stream and a handful of refusals. Each step asserts its status, so that a
 * changed flow cannot pass as "nothing to check".
 */
final class ApiTour {

    private final Api api;
    private final DocumentedAnswers answers;
    private final Clerk clerk;

    ApiTour(Api api, DocumentedAnswers answers) {
        this.api = api;
        this.answers = answers;
        this.clerk = new Clerk(api, SharedBaton.issuer());
    }

    void run() {
        Clerk.TwoDevices two = clerk.twoDevices();
        try (DeviceEvents events = DeviceEvents.listen(clerk, two.phone())) {
            answers.checkHead(events.answer());
            devicesAndState(two);
            push(two);
            pull(two);
        }
        audit(two.session());
        refusals(two);
        admin();
    }

    private void devicesAndState(Clerk.TwoDevices two) {
        expect(200, api.get("devices").bearer(clerk.jwt()).send());
        expect(200, api.get("devices/" + two.desktop().id()).bearer(clerk.jwt()).send());
        expect(200, api.get("sessions").bearer(clerk.jwt()).send());
        Reply read = expect(200, clerk.readSessionReply(two.desktop(), two.session()));
        JsonObject state = Json.createObjectBuilder().add("form", "loan-42").add("step", 4).build();
        expect(200, state(two, read.header("ETag")).json(state).send());
        expect(412, state(two, read.header("ETag")).json(state).send());
        expect(428, state(two, null).json(state).send());
    }

    private Api.Call state(Clerk.TwoDevices two, String ifMatch) {
        return api.put("sessions/" + two.session().id() + "/state").bearer(clerk.jwt()).device(two.desktop().token())
                .session(two.session().token()).header("If-Match", ifMatch);
    }

    /** The desktop offers its session with a QR code, the phone takes it, and the desktop is kept out. */
    private void push(Clerk.TwoDevices two) {
        Clerk.Device desktop = two.desktop();
        Clerk.Held session = two.session();
        JsonObject transfer = expect(201, api.post("sessions/" + session.id() + "/transfers?qr=svg").bearer(clerk.jwt())
                .device(desktop.token()).session(session.token()).header("Baton-Session-Info", Clerk.encode(Clerk.info()))
                .json(Json.createObjectBuilder().add("targetDeviceId", two.phone().id()).build()).send()).json();
        expect(409, clerk.offerReply(desktop, session, two.phone().id(), Clerk.info()));
        String id = transfer.getString("id");
        expect(200, api.get("transfers/" + id).bearer(clerk.jwt()).device(desktop.token()).send());
        expect(403, clerk.claimReply(two.phone(), id, "WRONG123"));
        Reply claim = expect(200, clerk.claimReply(two.phone(), id, transfer.getString("claimCode")));
        expect(200, clerk.restoreReply(two.phone(), session.id(), claim.get("restoreToken"), claim.json().getJsonObject("sessionInfo")));
        Reply kept = expect(403, clerk.readSessionReply(desktop, session));
        assertEquals("access-prohibited", kept.code());
    }

    /** "Continue here" on a second session: approved then cancelled, denied; then an offer declined; then it ends. */
    private void pull(Clerk.TwoDevices two) {
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = clerk.open(desktop);
        String approved = clerk.pull(phone, session).getString("id");
        expect(200, clerk.approveReply(desktop, session, approved));
        expect(204, api.delete("transfers/" + approved).bearer(clerk.jwt()).device(desktop.token()).send());
        expect(200, clerk.denyReply(desktop, clerk.pull(phone, session).getString("id")));
        String offered = clerk.offer(desktop, session, phone).getString("id");
        expect(204, api.post("transfers/" + offered + "/decline").bearer(clerk.jwt()).device(phone.token()).send());
        expect(204, api.delete("sessions/" + session.id()).bearer(clerk.jwt()).device(desktop.token()).session(session.token()).send());
    }

    private void audit(Clerk.Held session) {
        Clerk auditor = new Clerk(api, SharedBaton.issuer(), "baton-auditor");
        expect(200, api.get("audit?session=" + session.id()).bearer(auditor.jwt()).send());
        expect(200, api.get("audit/verify").bearer(auditor.jwt()).send());
        expect(200, api.post("audit/verify").bearer(auditor.jwt()).json("{\"checkpoints\":[]}").send());
        expect(400, api.get("audit?size=0").bearer(auditor.jwt()).send());
    }

    private void refusals(Clerk.TwoDevices two) {
        expect(401, api.get("devices").send());
        expect(404, api.get("devices/" + UUID.randomUUID()).bearer(clerk.jwt()).send());
        expect(404, clerk.readSessionReply(two.phone(), new Clerk.Held(UUID.randomUUID().toString(), "none")));
        expect(400, clerk.openReply(two.phone(), "not an application name", Json.createObjectBuilder().build()));
        Clerk.Device tablet = clerk.register("tablet");
        expect(204, api.delete("devices/" + tablet.id()).bearer(clerk.jwt()).send());
    }

    private void admin() {
        Admin admin = Admin.fresh(api);
        expect(200, admin.view(clerk.user));
        expect(204, admin.endSessions(clerk.user));
        expect(204, admin.revokeDevices(clerk.user));
        expect(403, admin.as(clerk.jwt(), "GET", clerk.user, ""));
    }

    private static Reply expect(int status, Reply reply) {
        assertEquals(status, reply.status(), () -> reply.raw().request().method() + " " + reply.raw().request().uri() + ": " + reply);
        return reply;
    }
}
