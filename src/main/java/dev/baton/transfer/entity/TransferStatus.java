package dev.baton.transfer.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** {@code PENDING → CLAIMED → COMPLETED}, or from an open state to {@code EXPIRED} or {@code CANCELLED}. */
public enum TransferStatus {
    PENDING, CLAIMED, COMPLETED, EXPIRED, CANCELLED;

    /** The states in which a transfer can still be claimed, restored, cancelled or expire. */
    public static final Set<TransferStatus> OPEN = Collections.unmodifiableSet(EnumSet.of(PENDING, CLAIMED));

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
