package dev.baton.it;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many identical calls at once on the same single-use thing, each race run several times: exactly
 * one winner, the losers refused with a 4xx, never a 5xx, never a session held by two devices.
 * (The claim race is in TransferFlowIT.)
 */
@ExtendWith(SharedBaton.class)
class RacesIT {

    private static final int ROUNDS = 3;

    @Test
    void concurrentRestoresWithOneRestoreTokenHaveOneWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Clerk clerk = Clerk.fresh();
            Clerk.TwoDevices two = clerk.twoDevices();
            Clerk.Device desktop = two.desktop();
            Clerk.Device phone = two.phone();
            Clerk.Held session = two.session();
            JsonObject transfer = clerk.offer(desktop, session, phone);
            Reply claim = clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode"));
            assertEquals(200, claim.status(), claim::toString);

            List<Reply> replies = Race.of(i -> clerk.restoreReply(phone, session.id(), claim.get("restoreToken"),
                    claim.json().getJsonObject("sessionInfo")));
            Reply winner = Race.onlyWinner(replies, 200, Set.of(410));
            Reply held = clerk.readSessionReply(phone, new Clerk.Held(session.id(), winner.get("sessionToken")));
            assertEquals(phone.id(), held.get("holderDeviceId"));
            assertEquals("access-prohibited", clerk.readSessionReply(desktop, session).code());
            assertEquals(1, Audit.of(clerk).page("session=" + session.id() + "&action=SESSION_RESTORED&size=100").getJsonArray("items")
                    .stream().filter(item -> "success".equals(item.asJsonObject().getString("outcome"))).count());
        }
    }

    @Test
    void concurrentTransferRequestsForOneSessionOpenOneTransfer() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Clerk clerk = Clerk.fresh();
            Clerk.TwoDevices two = clerk.twoDevices();

            List<Reply> replies = Race.of(i -> clerk.offerReply(two.desktop(), two.session(), two.phone().id(), Clerk.info()));
            Race.onlyWinner(replies, 201, Set.of(409));
            replies.stream().filter(r -> r.status() == 409).forEach(r -> assertEquals("transfer-in-progress", r.code()));
            assertEquals(1, Audit.of(clerk).count("session=" + two.session().id() + "&action=TRANSFER_REQUESTED"));
        }
    }

    @Test
    void concurrentRevocationsOfOneDeviceRevokeItOnce() throws Exception {
        // DELETE is idempotent: every caller hears 204, but the device is revoked and audited once.
        for (int round = 0; round < ROUNDS; round++) {
            Clerk clerk = Clerk.fresh();
            Clerk.Device desktop = clerk.register("desktop");
            Clerk.Held session = clerk.open(desktop);

            List<Reply> replies = Race.of(i -> clerk.api.delete("devices/" + desktop.id()).bearer(clerk.jwt()).send());
            assertTrue(replies.stream().allMatch(r -> r.status() == 204), () -> Race.statuses(replies));
            assertEquals("device-not-registered", clerk.readSessionReply(desktop, session).code());
            assertEquals(1, Audit.of(clerk).count("device=" + desktop.id() + "&action=DEVICE_REVOKED"));
            assertEquals(1, Audit.of(clerk).count("session=" + session.id() + "&action=SESSION_ENDED"));
        }
    }

    @Test
    void concurrentRegistrationsNeverPassTheDeviceLimit() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Clerk clerk = Clerk.fresh();
            List<Reply> replies = Race.of(i -> clerk.registerReply("phone", null));
            assertEquals(SharedBaton.MAX_DEVICES, replies.stream().filter(r -> r.status() == 201).count(), () -> Race.statuses(replies));
            assertTrue(replies.stream().allMatch(r -> r.status() == 201 || r.status() == 409 && "device-limit-reached".equals(r.code())),
                    () -> Race.statuses(replies));
            assertEquals(SharedBaton.MAX_DEVICES, clerk.api.get("devices").bearer(clerk.jwt()).send().array().size());
        }
    }
}
