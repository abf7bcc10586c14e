package dev.baton.audit.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of an audit search, newest first: {@code total} counts every record the filters match. */
@Schema(description = "A page of the audit trail, newest first.")
public record AuditPage(
        List<AuditEntryView> items,
        @Schema(description = "The page, from 0.", example = "0") int page,
        @Schema(description = "Records per page.", example = "50") int size,
        @Schema(description = "Records matching the filters, on all pages.", example = "7") long total) {
}
