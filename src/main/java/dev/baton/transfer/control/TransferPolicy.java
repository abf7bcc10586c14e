package dev.baton.transfer.control;

import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKind;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.security.Actor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a session may move from one device to another, decided from the two
 * devices alone, before anything is stored: the caller is a Baton user, the target is an active
 * device of theirs other than the source, and its kind is allowed for the session's application
 * ({@code baton.policy.<application>.allowed-kinds}; all kinds when unset).
 */
public final class TransferPolicy {

    public enum Decision {
        ALLOWED(null, null),
        NOT_A_USER(Problem.FORBIDDEN, "The caller is not a Baton user."),
        TARGET_NOT_REGISTERED(Problem.DEVICE_NOT_REGISTERED, "The target is not an active device of this user."),
        SAME_DEVICE(Problem.TRANSFER_NOT_AUTHORIZED, "The session is already on the target device."),
        KIND_NOT_ALLOWED(Problem.TRANSFER_NOT_AUTHORIZED, "Sessions of this application may not move to this kind of device.");

        private final Problem problem;
        private final String detail;

        Decision(Problem problem, String detail) {
            this.problem = problem;
            this.detail = detail;
        }

        public Problem problem() {
            return problem;
        }

        public String detail() {
            return detail;
        }
    }

    private TransferPolicy() {
    }

    public static Decision decide(Actor actor, Device source, Optional<Device> target, Optional<String> allowedKinds) {
        if (!actor.groups().contains(Actor.USER)) {
            return Decision.NOT_A_USER;
        }
        if (target.isEmpty() || !target.get().isActive() || !target.get().isOwnedBy(actor.user())) {
            return Decision.TARGET_NOT_REGISTERED;
        }
        if (target.get().id().equals(source.id())) {
            return Decision.SAME_DEVICE;
        }
        if (allowedKinds.isPresent() && !allows(allowedKinds.get(), target.get().kind())) {
            return Decision.KIND_NOT_ALLOWED;
        }
        return Decision.ALLOWED;
    }

    private static boolean allows(String kinds, DeviceKind kind) {
        return Arrays.stream(kinds.split(","))
                .map(k -> k.trim().toUpperCase(Locale.ROOT))
                .anyMatch(kind.name()::equals);
    }
}
