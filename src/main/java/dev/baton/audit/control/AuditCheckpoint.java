package dev.baton.audit.control;

import dev.baton.platform.json.Jsons;
import dev.baton.platform.json.Text;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the audit chain's head was at a moment, signed with an HMAC under Baton's key: {@code seq}
 * records ended in {@code hash}. Written to the log (and from there to wherever the log is kept), a
 * checkpoint makes the history before it unchangeable even for someone holding the key: given back
 * to {@code POST /audit/verify} as logged, it is compared with the chain as it is now.
 */
@Schema(description = "A checkpoint of the audit chain, exactly as Baton logged it.")
public record AuditCheckpoint(
        @NotNull(message = "is required") @Min(value = 1, message = "must be a whole number from 1")
        @Schema(minimum = "1", example = "1042") Long seq,
        @Text(max = 64) @Schema(maxLength = 64) String hash,
        @NotNull(message = "is required") Instant at,
        @Text(max = 16) @Schema(maxLength = 16) String keyId,
        @Text(max = 64) @Schema(maxLength = 64) String mac) {

    /** The text the HMAC covers. */
    String signed() {
        return seq + "|" + hash + "|" + at + "|" + keyId;
    }

    public JsonObject json() {
        return Jsons.object("seq", seq, "hash", hash, "at", at.toString(), "keyId", keyId, "mac", mac);
    }
}
