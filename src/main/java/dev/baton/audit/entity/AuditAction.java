package dev.baton.audit.entity;

/**
 * What the audit trail records: every step that changes a device, a session or a transfer, whether
 * it succeeded or was refused, and what an admin looked at or did.
 */
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
    /** A pull ("continue here"): asked by the target, approved or denied by the holder. */
    PULL_REQUESTED,
    PULL_APPROVED,
    PULL_DENIED,
    /** Refusals no step audits on its own, counted per caller and reason over a window. */
    REQUESTS_REFUSED,
    /** An admin read a user's devices, sessions, transfers and prohibitions. */
    ADMIN_USER_VIEWED,
    /** An admin ended every active session of a user (each one is also a {@code SESSION_ENDED}). */
    ADMIN_SESSIONS_ENDED,
    /** An admin revoked every device of a user (each one is also a {@code DEVICE_REVOKED}). */
    ADMIN_DEVICES_REVOKED
}
