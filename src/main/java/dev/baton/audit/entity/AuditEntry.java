package dev.baton.audit.entity;

import dev.baton.platform.security.Actor;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one audit record says, built fluently at the place the step happens:
 * {@code AuditEntry.of(TRANSFER_CLAIMED).by(actor).session(id).transfer(id).succeeded()}.
 * {@code subject} is the user acted upon when that is someone other than the actor (an admin ending
 * a user's sessions), else null. Never holds a token or a code.
 */
public record AuditEntry(AuditAction action, String actor, String address, String sessionId, String transferId,
                         String deviceId, String targetDeviceId, Outcome outcome, String reason, String subject) {

    /** Named for the API's document, where a bare {@code Outcome} would say nothing. */
    @Schema(name = "AuditOutcome")
    public enum Outcome { SUCCESS, REFUSED }

    /** The actor of a refusal whose caller Baton does not know (no valid token). */
    public static final String ANONYMOUS = "anonymous";

    public AuditEntry {
        Objects.requireNonNull(action);
        Objects.requireNonNull(outcome);
    }

    /** An entry about the actor's own things: no subject. */
    public AuditEntry(AuditAction action, String actor, String address, String sessionId, String transferId,
                      String deviceId, String targetDeviceId, Outcome outcome, String reason) {
        this(action, actor, address, sessionId, transferId, deviceId, targetDeviceId, outcome, reason, null);
    }

    public static Builder of(AuditAction action) {
        return new Builder(action);
    }

    /** Collects the parts of an entry; {@link #succeeded()} or {@link #refused(String)} finishes it. */
    public static final class Builder {
        private final AuditAction action;
        private String actor;
        private String address;
        private String sessionId;
        private String transferId;
        private String deviceId;
        private String targetDeviceId;
        private String subject;

        private Builder(AuditAction action) {
            this.action = action;
        }

        public Builder by(Actor who) {
            this.actor = who.user();
            this.address = who.address();
            return this;
        }

        /** For steps Baton takes on its own (an expiry, a prohibition's end): the user they concern. */
        public Builder by(String user) {
            this.actor = user;
            return this;
        }

        public Builder session(String id) {
            this.sessionId = id;
            return this;
        }

        public Builder transfer(String id) {
            this.transferId = id;
            return this;
        }

        public Builder device(String id) {
            this.deviceId = id;
            return this;
        }

        public Builder target(String id) {
            this.targetDeviceId = id;
            return this;
        }

        /** The user whose session, device or transfer this is; recorded only when the actor is someone else. */
        public Builder subject(String user) {
            this.subject = user;
            return this;
        }

        public AuditEntry succeeded() {
            return build(Outcome.SUCCESS, null);
        }

        public AuditEntry succeeded(String reason) {
            return build(Outcome.SUCCESS, reason);
        }

        public AuditEntry refused(String reason) {
            return build(Outcome.REFUSED, Objects.requireNonNull(reason));
        }

        private AuditEntry build(Outcome outcome, String reason) {
            return new AuditEntry(action, actor, address, sessionId, transferId, deviceId, targetDeviceId, outcome, reason,
                    Objects.equals(subject, actor) ? null : subject);
        }
    }
}
