package dev.baton.transfer.entity;

/** {@code PENDING → CLAIMED → COMPLETED}, or from an open state to {@code EXPIRED} or {@code CANCELLED}. */
public enum TransferStatus {
    PENDING, CLAIMED, COMPLETED, EXPIRED, CANCELLED;

    public boolean isOpen() {
        return this == PENDING || this == CLAIMED;
    }
}
