package dev.baton.audit.entity;

/** The audited steps of DESIGN.md §1.8. */
public enum AuditAction {
    DEVICE_REGISTERED,
    DEVICE_REVOKED,
    SESSION_OPENED,
    SESSION_ENDED,
    TRANSFER_REQUESTED,
    TRANSFER_REFUSED,
    TRANSFER_CLAIMED,
    CLAIM_FAILED,
    TRANSFER_CANCELLED,
    TRANSFER_EXPIRED,
    SESSION_RESTORED,
    ACCESS_PROHIBITED,
    DEVICE_REFUSED,
    PROOF_REFUSED,
    PROHIBITION_ENDED,
    /** A pull ("continue here", DESIGN.md §8.6): asked by the target, approved or denied by the holder. */
    PULL_REQUESTED,
    PULL_APPROVED,
    PULL_DENIED,
    /** Refusals no step audits on its own, counted per caller and reason over a window. */
    REQUESTS_REFUSED,
    /** The admin API (DESIGN.md §8.5): an admin read a user's devices, sessions, transfers and prohibitions. */
    ADMIN_USER_VIEWED,
    /** An admin ended every active session of a user (each one is also a {@code SESSION_ENDED}). */
    ADMIN_SESSIONS_ENDED,
    /** An admin revoked every device of a user (each one is also a {@code DEVICE_REVOKED}). */
    ADMIN_DEVICES_REVOKED
}
