package dev.baton.session.boundary;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /sessions}: the application's name, a plain identifier, and its first
 * state, any JSON object (its size is checked against {@code baton.state.max-bytes} by the resource).
 */
@Schema(description = "A session to open. Unknown, repeated or wrongly typed members are refused.")
public record SessionOpening(
        @NotNull(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "is letters, digits, '.', '_' and '-', at most 64")
        @Schema(description = "The application's name: letters, digits, `.`, `_` and `-`, beginning with a letter or digit.",
                pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", maxLength = 64, example = "portal") String application,
        @NotNull(message = "is required")
        @Schema(description = "The application's state, any JSON object, at most `baton.state.max-bytes` (64 KiB by default).",
                example = "{\"form\": \"loan-42\", \"step\": 3}") JsonObject state) {
}
