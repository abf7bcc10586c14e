package dev.baton.transfer.control;

import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKind;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import dev.baton.platform.security.Tokens;
import dev.baton.transfer.control.TransferPolicy.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransferPolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Actor ALICE = actor(Actor.USER);

    private final Device desktop = device("alice", DeviceKind.DESKTOP);
    private final Device phone = device("alice", DeviceKind.PHONE);

    private static Actor actor(String... groups) {
        return new Actor("alice", Set.of(groups), NOW, "203.0.113.7");
    }

    private static Device device(String owner, DeviceKind kind) {
        return new Device(owner, owner + "'s " + kind.json(), kind, "test-os", Tokens.hash(Tokens.newToken()), NOW);
    }

    private Decision toPhone(Optional<String> kinds) {
        return TransferPolicy.decide(ALICE, desktop, Optional.of(phone), kinds);
    }

    @Test
    void callerWithoutTheUserGroupIsNotAUser() {
        Decision decision = TransferPolicy.decide(actor(Actor.ADMIN), desktop, Optional.of(phone), Optional.empty());
        assertEquals(Decision.NOT_A_USER, decision);
        assertEquals(Problem.FORBIDDEN, decision.problem());
    }

    @Test
    void missingRevokedOrForeignTargetIsNotRegistered() {
        Device revoked = device("alice", DeviceKind.PHONE);
        revoked.revoke(NOW);
        for (Optional<Device> target : List.of(Optional.<Device>empty(), Optional.of(revoked),
                Optional.of(device("bob", DeviceKind.PHONE)))) {
            Decision decision = TransferPolicy.decide(ALICE, desktop, target, Optional.empty());
            assertEquals(Decision.TARGET_NOT_REGISTERED, decision);
            assertEquals(Problem.DEVICE_NOT_REGISTERED, decision.problem());
        }
    }

    @Test
    void transferToTheHoldingDeviceItselfIsRefused() {
        Decision decision = TransferPolicy.decide(ALICE, desktop, Optional.of(desktop), Optional.empty());
        assertEquals(Decision.SAME_DEVICE, decision);
        assertEquals(Problem.TRANSFER_NOT_AUTHORIZED, decision.problem());
    }

    @Test
    void targetKindOutsideTheAllowedKindsIsRefused() {
        Decision decision = toPhone(Optional.of("desktop,laptop"));
        assertEquals(Decision.KIND_NOT_ALLOWED, decision);
        assertEquals(Problem.TRANSFER_NOT_AUTHORIZED, decision.problem());
    }

    @Test
    void allowedKindsIgnoreCaseAndSpaces() {
        assertEquals(Decision.ALLOWED, toPhone(Optional.of(" Desktop , PHONE ,tablet")));
        assertEquals(Decision.ALLOWED, toPhone(Optional.of("phone")));
    }

    @Test
    void everyKindIsAllowedWhenNoneAreConfigured() {
        assertEquals(Decision.ALLOWED, toPhone(Optional.empty()));
    }
}
