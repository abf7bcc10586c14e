package dev.baton.audit.boundary;

import dev.baton.audit.control.AuditCheckpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /audit/verify}: checkpoints as Baton logged them, which the chain must still pass through. */
@Schema(name = "AuditCheckpoints", description = "Checkpoints as Baton logged them (or sent them as security events).")
public record CertifiedCheckpoints(
        @NotNull(message = "is required")
        @Size(max = CertifiedCheckpoints.MAX, message = "must hold at most {max} checkpoints")
        @Schema(maxItems = CertifiedCheckpoints.MAX)
        List<@NotNull(message = "must be a checkpoint, not null") @Valid AuditCheckpoint> checkpoints) {

    static final int MAX = 1000;
}
