package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow of DESIGN.md §1, step by step, with its events, its window and its races. */
@ExtendWith(SharedBaton.class)
class TransferFlowIT {

    @Test
    void sessionMovesToThePhoneWithItsStateAndTheDesktopIsKeptOut() {
        Clerk clerk = Clerk.fresh();
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();

        try (DeviceEvents desktopEvents = DeviceEvents.listen(clerk, desktop);
             DeviceEvents phoneEvents = DeviceEvents.listen(clerk, phone)) {
            JsonObject transfer = clerk.offer(desktop, session, phone);
            assertEquals("pending", transfer.getString("status"));
            assertEquals("push", transfer.getString("direction"));
            assertEquals(JsonValue.NULL, transfer.get("claimQr"), "no QR code unless asked for: " + transfer);
            assertTrue(transfer.getString("claimCode").matches("[2-9A-HJKMNP-TV-Z]{8}"));
            assertEquals(transfer.getString("id"), phoneEvents.await("transfer-offered", Duration.ofSeconds(5)).data().getString("transferId"));

            Reply claim = clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode").toLowerCase());
            assertEquals(200, claim.status(), claim::toString);
            assertEquals(Clerk.info(), claim.json().getJsonObject("sessionInfo"));
            assertEquals("no-store", claim.header("Cache-Control"));
            desktopEvents.await("transfer-claimed", Duration.ofSeconds(5));

            Reply restore = clerk.restoreReply(phone, session.id(), claim.get("restoreToken"), reordered(claim.json().getJsonObject("sessionInfo")));
            assertEquals(200, restore.status(), restore::toString);
            assertEquals(phone.id(), restore.get("holderDeviceId"));
            assertEquals(desktop.id(), restore.get("previousDeviceId"));
            assertEquals("loan-42", restore.json().getJsonObject("state").getString("form"));
            assertNotEquals(session.token(), restore.get("sessionToken"));
            desktopEvents.await("session-moved", Duration.ofSeconds(5));

            Reply desktopRead = clerk.readSessionReply(desktop, session);
            assertEquals(403, desktopRead.status());
            assertEquals("access-prohibited", desktopRead.code());
            assertTrue(Integer.parseInt(desktopRead.header("Retry-After")) >= 1);
            assertEquals(Instant.parse(restore.get("prohibitedUntil")), Instant.parse(desktopRead.get("prohibitedUntil")));

            Clerk.Held moved = new Clerk.Held(session.id(), restore.get("sessionToken"));
            assertEquals(200, clerk.readSessionReply(phone, moved).status());
            Reply oldTokenOnPhone = clerk.readSessionReply(phone, session);
            assertEquals("session-token-invalid", oldTokenOnPhone.code());
        }
    }

    @Test
    void prohibitionEndsOnTimeOnceAndTheSessionCanComeBack() {
        Clerk clerk = Clerk.fresh();
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        try (DeviceEvents desktopEvents = DeviceEvents.listen(clerk, desktop)) {
            JsonObject restored = clerk.move(session, desktop, phone);
            Clerk.Held onPhone = new Clerk.Held(session.id(), restored.getString("sessionToken"));

            Reply back = clerk.offerReply(phone, onPhone, desktop.id(), Clerk.info());
            assertEquals(409, back.status());
            assertEquals("target-prohibited", back.code());

            DeviceEvents.Event ended = desktopEvents.await("prohibition-ended", SharedBaton.PROHIBITION.plusSeconds(5));
            Instant until = Instant.parse(restored.getString("prohibitedUntil"));
            Instant endedAt = Instant.parse(ended.data().getString("at"));
            assertFalse(endedAt.isBefore(until), "ended before its time");
            assertTrue(Duration.between(until, endedAt).compareTo(Duration.ofSeconds(2)) <= 0, "ended late: " + endedAt);

            assertEquals("session-token-invalid", clerk.readSessionReply(desktop, session).code());
            assertEquals(201, clerk.offerReply(phone, onPhone, desktop.id(), Clerk.info()).status());
            assertEquals(1, Audit.of(clerk).count("session=" + session.id() + "&action=PROHIBITION_ENDED"));
        }
    }

    @Test
    void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
        Clerk clerk = Clerk.fresh();
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device phone = two.phone();
        JsonObject transfer = clerk.offer(two.desktop(), two.session(), phone);
        List<Integer> statuses = Race.of(i -> clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode")))
                .stream().map(Reply::status).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 410 || s == 429), statuses::toString);
    }

    @Test
    void transferPastItsTimeIsGoneAndAuditedAsExpired() {
        Clerk clerk = Clerk.fresh();
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        JsonObject transfer = clerk.offer(desktop, session, phone);
        try (DeviceEvents phoneEvents = DeviceEvents.listen(clerk, phone)) {
            phoneEvents.await("transfer-expired", SharedBaton.TRANSFER_TTL.plusSeconds(7));
        }
        Reply late = clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode"));
        assertEquals(410, late.status());
        assertEquals("transfer-gone", late.code());
        assertEquals(1, Audit.of(clerk).count("session=" + session.id() + "&action=TRANSFER_EXPIRED"));
        assertEquals(201, clerk.offerReply(desktop, session, phone.id(), Clerk.info()).status());
    }

    @Test
    void theClaimPageComesAsAnSvgQrCodeWhenAskedForAndOnlyAsSvg() {
        Clerk clerk = Clerk.fresh();
        Clerk.TwoDevices two = clerk.twoDevices();
        Reply png = offer(clerk, two, "png");
        assertEquals(400, png.status(), png::toString);
        assertEquals("'qr' may only be 'svg'.", png.json().getString("detail"));

        Reply svg = offer(clerk, two, "svg");
        assertEquals(201, svg.status(), svg::toString);
        assertTrue(svg.get("claimQr").startsWith("<svg "), svg::toString);
        assertTrue(svg.get("claimPage").endsWith("#transfer=" + svg.get("id") + "&code=" + svg.get("claimCode")));
    }

    private static Reply offer(Clerk clerk, Clerk.TwoDevices two, String qr) {
        return clerk.api.post("sessions/" + two.session().id() + "/transfers?qr=" + qr).bearer(clerk.jwt())
                .device(two.desktop().token()).session(two.session().token())
                .header("Baton-Session-Info", Clerk.encode(Clerk.info()))
                .json(Json.createObjectBuilder().add("targetDeviceId", two.phone().id()).build()).send();
    }

    private static JsonObject reordered(JsonObject info) {
        return Json.createObjectBuilder().add("scroll", info.getJsonNumber("scroll")).add("page", info.getString("page")).build();
    }
}
