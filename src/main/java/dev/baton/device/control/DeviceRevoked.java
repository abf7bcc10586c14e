package dev.baton.device.control;

import dev.baton.device.entity.Device;
import dev.baton.platform.security.Actor;
import jakarta.interceptor.Interceptor;
import java.time.Instant;

/**
 * A device was revoked, inside the transaction that revokes it: what it held must end in the same
 * transaction. Observers run synchronously in the order of their {@code @Priority}: those that lock
 * sessions at {@link #SESSIONS}, then those that lock transfers at {@link #TRANSFERS}, so rows are
 * always locked devices, then sessions, then transfers, and two revocations never wait on each other.
 */
public record DeviceRevoked(Actor actor, Device device, Instant at) {

    /** The reason the audit and the devices are given for what ends with a revoked device. */
    public static final String REASON = "device-revoked";

    public static final int SESSIONS = Interceptor.Priority.APPLICATION;
    public static final int TRANSFERS = Interceptor.Priority.APPLICATION + 100;
}
