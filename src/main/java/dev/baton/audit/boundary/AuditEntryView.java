package dev.baton.audit.boundary;

import dev.baton.audit.entity.AuditAction;
import dev.baton.audit.entity.AuditEntry;
import dev.baton.audit.entity.AuditRecord;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One audit record as auditors see it: what happened, to what, by whom, from where, and how it
 * ended; never a token or a code, as the entry holds none. Every member present, {@code null}
 * where the step has none.
 */
@Schema(name = "AuditEntry", description = "One step or refusal in the audit trail.")
public record AuditEntryView(
        @Schema(example = "1042") long id,
        Instant at,
        AuditAction action,
        @Schema(nullable = true, description = "Who acted: a user's subject, `anonymous` for a caller without a valid token.",
                example = "alice") String actor,
        @Schema(nullable = true) String sessionId,
        @Schema(nullable = true) String transferId,
        @Schema(nullable = true, description = "The device that acted, or that was acted upon.") String deviceId,
        @Schema(nullable = true, description = "The device a transfer went to.") String targetDeviceId,
        AuditEntry.Outcome outcome,
        @Schema(nullable = true, description = "Why it was refused (a problem code), or what a count covers.",
                example = "access-prohibited") String reason,
        @Schema(nullable = true, example = "127.0.0.1") String remoteAddress,
        @Schema(nullable = true, description = "The user acted upon, when someone else (an admin) acted.") String subject) {

    static AuditEntryView of(AuditRecord record) {
        AuditEntry entry = record.entry();
        return new AuditEntryView(record.id(), record.at(), entry.action(), entry.actor(), entry.sessionId(), entry.transferId(),
                entry.deviceId(), entry.targetDeviceId(), entry.outcome(), entry.reason(), entry.address(), entry.subject());
    }
}
