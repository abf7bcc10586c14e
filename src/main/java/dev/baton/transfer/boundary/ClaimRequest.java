package dev.baton.transfer.boundary;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /transfers/{id}/claim}. Any string is a claim code to try, whatever its
 * format: a malformed guess is still a guess, and counts against the transfer's attempts.
 */
@Schema(description = "The claim code shown at the source device. Every string counts as an attempt.")
public record ClaimRequest(
        @NotNull(message = "is required") @Schema(example = "73CH3DAT") String claimCode) {
}
