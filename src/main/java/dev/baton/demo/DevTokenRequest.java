package dev.baton.demo;

import dev.baton.platform.json.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /dev/token}: whom the token is for, and its groups ({@code baton-user} unless named). */
@Schema(description = "Whom a demo token is for. Unknown, repeated or wrongly typed members are refused.")
public record DevTokenRequest(
        @Text(max = 128) @Schema(maxLength = 128, example = "alice") String user,
        @Size(max = 16, message = "must be at most 16 names")
        @Schema(nullable = true, maxItems = 16, description = "The token's groups, each 1 to 64 characters; `[\"baton-user\"]` when left out.",
                example = "[\"baton-user\"]")
        List<@NotBlank(message = "must not be blank") @Size(max = 64, message = "must be at most 64 characters") String> groups) {

    static final List<String> DEFAULT_GROUPS = List.of("baton-user");

    /** The groups asked for, or {@link #DEFAULT_GROUPS}. */
    List<String> groupsOrDefault() {
        return groups == null ? DEFAULT_GROUPS : groups;
    }
}
