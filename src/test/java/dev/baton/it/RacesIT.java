package dev.baton.it;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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

    private static final int CALLERS = 32;
    private static final int ROUNDS = 3;

    @Test
    void concurrentRestoresWithOneRestoreTokenHaveOneWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Clerk clerk = Clerk.fresh();
            Clerk.Device desktop = clerk.register("desktop");
            Clerk.Device phone = clerk.register("phone");
            Clerk.Held session = clerk.open(desktop);
            JsonObject transfer = clerk.offer(desktop, session, phone);
            Reply claim = clerk.claim(phone, transfer.getString("id"), transfer.getString("claimCode"));
            assertEquals(200, claim.status(), claim::toString);

            List<Reply> replies = race(() -> clerk.restore(phone, session.id(), claim.get("restoreToken"),
                    claim.json().getJsonObject("sessionInfo")));
            Reply winner = onlyWinner(replies, 200, Set.of(410));
            Reply held = clerk.readSession(phone, new Clerk.Held(session.id(), winner.get("sessionToken")));
            assertEquals(phone.id(), held.get("holderDeviceId"));
            assertEquals("access-prohibited", clerk.readSession(desktop, session).code());
            assertEquals(1, Audit.of(clerk).page("session=" + session.id() + "&action=SESSION_RESTORED&size=100").getJsonArray("items")
                    .stream().filter(item -> "SUCCESS".equals(item.asJsonObject().getString("outcome"))).count());
        }
    }

    @Test
    void concurrentTransferRequestsForOneSessionOpenOneTransfer() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Clerk clerk = Clerk.fresh();
            Clerk.Device desktop = clerk.register("desktop");
            Clerk.Device phone = clerk.register("phone");
            Clerk.Held session = clerk.open(desktop);

            List<Reply> replies = race(() -> clerk.requestTransfer(desktop, session, phone.id(), Clerk.info()));
            onlyWinner(replies, 201, Set.of(409));
            replies.stream().filter(r -> r.status() == 409).forEach(r -> assertEquals("transfer-in-progress", r.code()));
            assertEquals(1, Audit.of(clerk).count("session=" + session.id() + "&action=TRANSFER_REQUESTED"));
        }
    }

    @Test
    void concurrentRevocationsOfOneDeviceRevokeItOnce() throws Exception {
        // DELETE is idempotent: every caller hears 204, but the device is revoked and audited once.
        for (int round = 0; round < ROUNDS; round++) {
            Clerk clerk = Clerk.fresh();
            Clerk.Device desktop = clerk.register("desktop");
            Clerk.Held session = clerk.open(desktop);

            List<Reply> replies = race(() -> clerk.api.delete("devices/" + desktop.id()).bearer(clerk.jwt()).send());
            assertTrue(replies.stream().allMatch(r -> r.status() == 204), () -> statuses(replies));
            assertEquals("device-not-registered", clerk.readSession(desktop, session).code());
            assertEquals(1, Audit.of(clerk).count("device=" + desktop.id() + "&action=DEVICE_REVOKED"));
            assertEquals(1, Audit.of(clerk).count("session=" + session.id() + "&action=SESSION_ENDED"));
        }
    }

    @Test
    void concurrentRegistrationsNeverPassTheDeviceLimit() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Clerk clerk = Clerk.fresh();
            List<Reply> replies = race(() -> clerk.registration("phone", null));
            assertEquals(SharedBaton.MAX_DEVICES, replies.stream().filter(r -> r.status() == 201).count(), () -> statuses(replies));
            assertTrue(replies.stream().allMatch(r -> r.status() == 201 || r.status() == 409 && "device-limit-reached".equals(r.code())),
                    () -> statuses(replies));
            assertEquals(SharedBaton.MAX_DEVICES, clerk.api.get("devices").bearer(clerk.jwt()).send().array().size());
        }
    }

    /** The one answer with {@code winning} status; every other answer has one of {@code losing}. */
    private static Reply onlyWinner(List<Reply> replies, int winning, Set<Integer> losing) {
        List<Reply> winners = replies.stream().filter(r -> r.status() == winning).toList();
        assertEquals(1, winners.size(), () -> statuses(replies));
        assertTrue(replies.stream().allMatch(r -> r.status() == winning || losing.contains(r.status())), () -> statuses(replies));
        return winners.get(0);
    }

    private static String statuses(List<Reply> replies) {
        return replies.stream().map(r -> r.status() + (r.status() >= 400 ? " " + r.text() : "")).toList().toString();
    }

    private static List<Reply> race(Supplier<Reply> call) throws Exception {
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(call::get);
        }
        return Api.atOnce(calls);
    }
}
