package dev.baton.transfer.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code PENDING → CLAIMED → COMPLETED}, or from an open state to {@code EXPIRED} or {@code CANCELLED}.
 * A pull starts one step earlier: {@code AWAITING_APPROVAL → PENDING} when the holding device
 * approves it, or {@code → DENIED} when it refuses.
 */
public enum TransferStatus {
    AWAITING_APPROVAL, PENDING, CLAIMED, COMPLETED, EXPIRED, CANCELLED, DENIED;

    /** The states in which a transfer can still be approved, claimed, restored, cancelled or expire. */
    public static final Set<TransferStatus> OPEN = Collections.unmodifiableSet(EnumSet.of(AWAITING_APPROVAL, PENDING, CLAIMED));

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
