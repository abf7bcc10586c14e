package dev.baton.secevent.control;

import dev.baton.platform.json.Jsons;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A security event for the webhook. A feature fires it inside the transaction of
 * the change it reports ({@code @Inject Event<SecurityEvent>}, {@code fire(...)}), or hands it to
 * {@link Outbox#add}: it is written to the outbox in that transaction, so it is sent if and only if
 * the change commits. Made by the factories below; it carries identifiers, never a token, a code
 * or session state. {@code user} is the subject (the user the event is about), null only for an
 * audit checkpoint.
 */
public record SecurityEvent(Type type, String user, Instant at, JsonObject details) {

    /** Every event type's URI starts with this; the type's {@link Type#id()} follows. */
    public static final String URI_BASE = "https://baton.dev/events/";

    public enum Type {
        SESSION_TRANSFERRED,
        TRANSFER_DENIED,
        CLAIM_ATTEMPTS_EXHAUSTED,
        DEVICE_REVOKED,
        SESSIONS_ENDED_BY_ADMIN,
        PROHIBITION_ENDED,
        AUDIT_CHECKPOINT;

        /** {@code session-transferred}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The key of the event in the token's {@code events} claim. */
        public String uri() {
            return URI_BASE + id();
        }
    }

    public SecurityEvent {
        Objects.requireNonNull(type);
        Objects.requireNonNull(at);
        Objects.requireNonNull(details);
        if (user == null && type != Type.AUDIT_CHECKPOINT) {
            throw new IllegalArgumentException("A " + type.id() + " event is about a user");
        }
    }

    /** A restore completed: the session now is on {@code toDeviceId}, and {@code fromDeviceId} is kept out until {@code prohibitedUntil}. */
    public static SecurityEvent sessionTransferred(String user, String sessionId, String transferId, String fromDeviceId,
                                                   String toDeviceId, Instant prohibitedUntil, Instant at) {
        return new SecurityEvent(Type.SESSION_TRANSFERRED, user, at, Jsons.object("sessionId", sessionId, "transferId", transferId,
                "fromDeviceId", fromDeviceId, "toDeviceId", toDeviceId, "prohibitedUntil", prohibitedUntil));
    }

    /**
     * A transfer was refused by a device that had the say: {@code declined-by-target} (the target's
     * "not me"), or a pull denied by the holder ({@code denied-by-holder}).
     */
    public static SecurityEvent transferDenied(String user, String sessionId, String transferId, String sourceDeviceId,
                                               String targetDeviceId, String deniedByDeviceId, String reason, Instant at) {
        return new SecurityEvent(Type.TRANSFER_DENIED, user, at, Jsons.object("sessionId", sessionId, "transferId", transferId,
                "sourceDeviceId", sourceDeviceId, "targetDeviceId", targetDeviceId, "deniedByDeviceId", deniedByDeviceId,
                "reason", reason));
    }

    /** The last allowed wrong claim code was given: the transfer is cancelled. */
    public static SecurityEvent claimAttemptsExhausted(String user, String sessionId, String transferId, String sourceDeviceId,
                                                       String targetDeviceId, int attempts, Instant at) {
        return new SecurityEvent(Type.CLAIM_ATTEMPTS_EXHAUSTED, user, at, Jsons.object("sessionId", sessionId,
                "transferId", transferId, "sourceDeviceId", sourceDeviceId, "targetDeviceId", targetDeviceId, "attempts", attempts));
    }

    /** {@code user}'s device was revoked by {@code revokedBy}: the user, or an admin. */
    public static SecurityEvent deviceRevoked(String user, String deviceId, String revokedBy, Instant at) {
        return new SecurityEvent(Type.DEVICE_REVOKED, user, at, Jsons.object("deviceId", deviceId, "revokedBy", revokedBy,
                "initiator", user.equals(revokedBy) ? "user" : "admin"));
    }

    /** An admin ended {@code user}'s sessions (the admin API's {@code DELETE /admin/users/{user}/sessions}). */
    public static SecurityEvent sessionsEndedByAdmin(String user, String admin, List<String> sessionIds, Instant at) {
        return new SecurityEvent(Type.SESSIONS_ENDED_BY_ADMIN, user, at, Jsons.object("admin", admin,
                "sessionIds", Jsons.JSON.createArrayBuilder(sessionIds).build()));
    }

    /** {@code deviceId} may take part in the session again. */
    public static SecurityEvent prohibitionEnded(String user, String sessionId, String transferId, String deviceId, Instant at) {
        return new SecurityEvent(Type.PROHIBITION_ENDED, user, at, Jsons.object("sessionId", sessionId, "transferId", transferId,
                "deviceId", deviceId));
    }

    /** A signed audit checkpoint ({@code seq, hash, at, keyId, mac}), as {@code POST /audit/verify} takes it back. */
    public static SecurityEvent auditCheckpoint(JsonObject checkpoint, Instant at) {
        return new SecurityEvent(Type.AUDIT_CHECKPOINT, null, at, checkpoint);
    }
}
