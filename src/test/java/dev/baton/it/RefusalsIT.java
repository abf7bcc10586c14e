package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refusals of the transfer flow (DESIGN.md §3): each answered, audited, and changing nothing. */
@ExtendWith(SharedBaton.class)
class RefusalsIT {

    private final Clerk clerk = Clerk.fresh();
    private final Clerk.TwoDevices two = clerk.twoDevices();
    private final Clerk.Device desktop = two.desktop();
    private final Clerk.Device phone = two.phone();
    private final Clerk.Held session = two.session();

    @Test
    void transfersToUnregisteredDevicesOrToItselfAreRefusedAuditedAndNotStored() {
        Clerk other = Clerk.fresh();
        Clerk.Device revoked = clerk.register("tablet");
        clerk.api.delete("devices/" + revoked.id()).bearer(clerk.jwt()).send();
        String[][] cases = {
            {other.register("phone").id(), "device-not-registered"},
            {revoked.id(), "device-not-registered"},
            {"no-such-device", "device-not-registered"},
            {desktop.id(), "transfer-not-authorized"},
        };
        for (String[] c : cases) {
            Reply reply = clerk.offerReply(desktop, session, c[0], Clerk.info());
            assertEquals(403, reply.status(), reply::toString);
            assertEquals(c[1], reply.code());
        }
        assertEquals(cases.length, Audit.of(clerk).count("session=" + session.id() + "&action=TRANSFER_REFUSED"));
        assertEquals(201, clerk.offerReply(desktop, session, phone.id(), Clerk.info()).status(), "nothing was stored");
    }

    @Test
    void policyAllowsOnlyTheConfiguredKindsForAnApplication() {
        Reply opened = clerk.openReply(desktop, "payments", Json.createObjectBuilder().add("amount", 10).build());
        Clerk.Held payments = new Clerk.Held(opened.get("id"), opened.get("sessionToken"));
        Reply toPhone = clerk.offerReply(desktop, payments, phone.id(), Clerk.info());
        assertEquals(403, toPhone.status());
        assertEquals("transfer-not-authorized", toPhone.code());
        assertEquals(201, clerk.offerReply(desktop, payments, clerk.register("laptop").id(), Clerk.info()).status());
    }

    @Test
    void onlyOneTransferIsOpenPerSession() {
        clerk.offer(desktop, session, phone);
        Reply second = clerk.offerReply(desktop, session, phone.id(), Clerk.info());
        assertEquals(409, second.status());
        assertEquals("transfer-in-progress", second.code());
    }

    @Test
    void wrongCodesAreCountedAndTheLastOneCancelsTheTransfer() {
        JsonObject transfer = clerk.offer(desktop, session, phone);
        String id = transfer.getString("id");
        for (int attempt = 1; attempt <= SharedBaton.CLAIM_ATTEMPTS; attempt++) {
            Reply wrong = clerk.claimReply(phone, id, attempt == 1 ? "not even a code" : "AAAAAAAA");
            assertEquals(403, wrong.status(), wrong::toString);
            assertEquals("claim-code-invalid", wrong.code());
        }
        Reply right = clerk.claimReply(phone, id, transfer.getString("claimCode"));
        assertEquals(410, right.status());
        assertEquals("transfer-gone", right.code());
        assertEquals(SharedBaton.CLAIM_ATTEMPTS + 1, Audit.of(clerk).count("session=" + session.id() + "&action=CLAIM_FAILED"));
        assertEquals(1, Audit.of(clerk).count("session=" + session.id() + "&action=TRANSFER_CANCELLED"));
    }

    @Test
    void aClaimFromAnotherDeviceIsRefusedAndNotCounted() {
        JsonObject transfer = clerk.offer(desktop, session, phone);
        Clerk.Device laptop = clerk.register("laptop");
        for (int i = 0; i <= SharedBaton.CLAIM_ATTEMPTS; i++) {
            Reply reply = clerk.claimReply(laptop, transfer.getString("id"), transfer.getString("claimCode"));
            assertEquals(403, reply.status());
            assertEquals("transfer-not-authorized", reply.code());
        }
        assertEquals(200, clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode")).status());
    }

    @Test
    void aClaimCodeAndARestoreTokenWorkOnceAndOnlyForTheirOwner() {
        JsonObject transfer = clerk.offer(desktop, session, phone);
        Reply claim = clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode"));
        assertEquals(200, claim.status());
        assertEquals("transfer-gone", clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode")).code());

        JsonObject info = claim.json().getJsonObject("sessionInfo");
        Reply wrongToken = clerk.restoreReply(phone, session.id(), "wrong", info);
        assertEquals(403, wrongToken.status());
        assertEquals("restore-token-invalid", wrongToken.code());
        Reply otherInfo = clerk.restoreReply(phone, session.id(), claim.get("restoreToken"), Json.createObjectBuilder().add("page", "/admin").build());
        assertEquals(400, otherInfo.status());
        assertEquals("session-info-invalid", otherInfo.code());
        for (String body : new String[] {"{\"restoreToken\":\"t\"}", "{\"restoreToken\":\"t\",\"sessionInfo\":[]}"}) {
            Reply noInfo = clerk.api.post("sessions/" + session.id() + "/restore").bearer(clerk.jwt()).device(phone.token())
                    .json(body).send();
            assertEquals("session-info-invalid", noInfo.code(), body);
        }
        Reply fromDesktop = clerk.restoreReply(desktop, session.id(), claim.get("restoreToken"), info);
        assertEquals("transfer-not-authorized", fromDesktop.code());

        assertEquals(200, clerk.restoreReply(phone, session.id(), claim.get("restoreToken"), info).status(), "refusals did not use the token");
        Reply again = clerk.restoreReply(phone, session.id(), claim.get("restoreToken"), info);
        assertEquals(410, again.status());
        assertEquals("transfer-gone", again.code());
    }

    @Test
    void aCancelledTransferIsGone() {
        JsonObject transfer = clerk.offer(desktop, session, phone);
        Reply byTarget = clerk.api.delete("transfers/" + transfer.getString("id")).bearer(clerk.jwt()).device(phone.token()).send();
        assertEquals("transfer-not-authorized", byTarget.code());
        assertEquals(204, clerk.api.delete("transfers/" + transfer.getString("id")).bearer(clerk.jwt()).device(desktop.token()).send().status());
        Reply status = clerk.api.get("transfers/" + transfer.getString("id")).bearer(clerk.jwt()).device(phone.token()).send();
        assertEquals("cancelled", status.get("status"));
        assertEquals("transfer-gone", clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode")).code());
    }

    @Test
    void claimAttemptsAreRateLimitedWhetherOrNotTheTransferExists() {
        Clerk hammer = Clerk.fresh();
        Clerk.Device device = hammer.register("phone");
        BatonServer.awayFromAMinuteBoundary(Duration.ofSeconds(5));
        Reply last = null;
        for (int i = 0; i <= SharedBaton.CLAIM_RATE; i++) {
            last = hammer.claimReply(device, "00000000-0000-0000-0000-00000000000" + (i % 10), "AAAAAAAA");
            assertTrue(last.status() == 404 || i == SharedBaton.CLAIM_RATE, last::toString);
        }
        assertEquals(429, last.status());
        assertEquals("rate-limited", last.code());
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
    }

    @Test
    void writesAreRateLimitedPerUserAndReadsAreNot() {
        Clerk writer = Clerk.fresh();
        BatonServer.awayFromAMinuteBoundary(Duration.ofSeconds(20));
        Clerk.Device device = writer.register("phone");
        String jwt = writer.jwt();
        for (int i = 1; i < SharedBaton.WRITE_RATE; i++) {
            Reply cancel = writer.api.delete("transfers/" + UUID.randomUUID()).bearer(jwt).device(device.token()).send();
            assertEquals(404, cancel.status(), "write " + (i + 1) + ": " + cancel);
        }
        Reply limited = writer.api.delete("transfers/" + UUID.randomUUID()).bearer(jwt).device(device.token()).send();
        assertEquals("rate-limited", limited.code());
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals(200, writer.api.get("devices").bearer(jwt).send().status(), "reads are not limited");
        Clerk.fresh().register("phone");
    }
}
