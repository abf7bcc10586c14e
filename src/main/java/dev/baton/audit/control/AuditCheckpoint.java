package dev.baton.audit.control;

import dev.baton.platform.json.Fields;
import dev.baton.platform.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the audit chain's head was at a moment, signed with an HMAC under Baton's key: {@code seq}
 * records ended in {@code hash}. Written to the log (and from there to wherever the log is kept), a
 * checkpoint makes the history before it unchangeable even for someone holding the key: given back
 * to {@code POST /audit/verify}, it is compared with the chain as it is now.
 */
public record AuditCheckpoint(long seq, String hash, Instant at, String keyId, String mac) {

    /** The text the HMAC covers. */
    String signed() {
        return seq + "|" + hash + "|" + at + "|" + keyId;
    }

    public JsonObject json() {
        return Jsons.object("seq", seq, "hash", hash, "at", at.toString(), "keyId", keyId, "mac", mac);
    }

    /** A checkpoint as an auditor gives it back; anything malformed is 400. */
    public static AuditCheckpoint parse(JsonObject json) {
        if (!(json.get("seq") instanceof JsonNumber seq) || !seq.isIntegral() || seq.longValue() < 1
                || !(json.get("at") instanceof JsonString at)) {
            throw Fields.invalid("A checkpoint needs 'seq' (a whole number from 1) and 'at', as logged.");
        }
        try {
            return new AuditCheckpoint(seq.longValue(), Fields.text(json, "hash", 64), Instant.parse(at.getString()),
                    Fields.text(json, "keyId", 16), Fields.text(json, "mac", 64));
        } catch (DateTimeParseException e) {
            throw Fields.invalid("A checkpoint's 'at' is an instant, as logged.");
        }
    }
}
