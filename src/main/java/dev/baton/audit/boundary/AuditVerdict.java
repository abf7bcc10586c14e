package dev.baton.audit.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the audit chain is whole: how many records were checked, and the first that is not as sealed, if any. */
@Schema(name = "AuditVerification", description = "The audit chain's check.")
public record AuditVerdict(
        @Schema(description = "Whether every record is as sealed, in order, up to the head, through every checkpoint given.")
        boolean valid,
        @Schema(description = "Records found whole, from the first.", example = "1042") long checked,
        @Schema(nullable = true, description = "The id of the first record that is not as sealed, if one was found.")
        Long firstBrokenId) {
}
