package dev.baton.it;

import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registering, listing and revoking devices, and what a revocation takes down. */
@ExtendWith(SharedBaton.class)
class DeviceIT {

    private static final Set<String> VIEW_MEMBERS =
            Set.of("id", "name", "kind", "platform", "status", "publicKey", "registeredAt", "lastSeenAt");

    private final Clerk clerk = Clerk.fresh();

    private static Set<String> with(Set<String> members, String more) {
        Set<String> all = new HashSet<>(members);
        all.add(more);
        return all;
    }

    @Test
    void registeredDevicesAreListedToTheirOwnerOnlyWithoutTokens() {
        Reply created = clerk.api.post("devices").bearer(clerk.jwt())
                .json("{\"name\":\"Office desktop\",\"kind\":\"desktop\",\"platform\":\"Windows 11\"}").send();
        assertEquals(201, created.status());
        assertTrue(created.header("Location").endsWith("/api/v1/devices/" + created.get("id")));
        assertEquals("active", created.get("status"));
        assertEquals(43, created.get("deviceToken").length());

        Reply listed = clerk.api.get("devices").bearer(clerk.jwt()).send();
        assertEquals(1, listed.array().size());
        JsonObject device = listed.array().getJsonObject(0);
        assertEquals("desktop", device.getString("kind"));
        assertFalse(device.containsKey("deviceToken"));
        assertEquals(VIEW_MEMBERS, device.keySet(), "every member is present, null where there is none");
        assertTrue(device.isNull("publicKey"), device::toString);
        assertEquals(with(VIEW_MEMBERS, "deviceToken"), created.json().keySet());
        assertEquals(0, Clerk.fresh().api.get("devices").bearer(Clerk.fresh().jwt()).send().array().size());
    }

    @Test
    void theDeviceLimitHolds() {
        for (int i = 0; i < SharedBaton.MAX_DEVICES; i++) {
            clerk.register("other");
        }
        Reply over = clerk.registerReply("phone", null);
        assertEquals(409, over.status());
        assertEquals("device-limit-reached", over.code());
    }

    @Test
    void revokingADeviceKillsItsSessionTokensAndCancelsItsTransfers() {
        Clerk.TwoDevices two = clerk.twoDevices();
        Clerk.Device desktop = two.desktop();
        Clerk.Device phone = two.phone();
        Clerk.Held session = two.session();
        String transferId = clerk.offer(desktop, session, phone).getString("id");

        try (DeviceEvents phoneEvents = DeviceEvents.listen(clerk, phone)) {
            assertEquals(204, clerk.api.delete("devices/" + desktop.id()).bearer(clerk.jwt()).send().status());
            phoneEvents.await("transfer-cancelled", java.time.Duration.ofSeconds(5));
        }
        assertEquals("revoked", clerk.api.get("devices/" + desktop.id()).bearer(clerk.jwt()).send().get("status"));
        assertEquals("device-not-registered", clerk.readSessionReply(desktop, session).code());
        Reply transfer = clerk.api.get("transfers/" + transferId).bearer(clerk.jwt()).device(phone.token()).send();
        assertEquals("cancelled", transfer.get("status"));
        assertEquals(0, clerk.api.get("sessions").bearer(clerk.jwt()).send().array().size(), "its session ended");
    }

    @Test
    void anAdminRevokesAnyonesDevice() {
        Clerk.Device phone = clerk.register("phone");
        String admin = SharedBaton.issuer().token("admin", "baton-admin", "baton-user");
        assertEquals(204, clerk.api.delete("devices/" + phone.id()).bearer(admin).send().status());
        assertEquals("revoked", clerk.api.get("devices/" + phone.id()).bearer(clerk.jwt()).send().get("status"));
        assertEquals(1, Audit.of(clerk).count("device=" + phone.id() + "&action=DEVICE_REVOKED&user=admin"));
    }
}
