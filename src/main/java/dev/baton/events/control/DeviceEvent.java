package dev.baton.events.control;

import dev.baton.platform.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A notice for one device. It crosses nodes as its JSON ({@link #json()}, {@link #parse(String)});
 * it carries identifiers, a reason and descriptive {@code details} only (e.g. which device asks for a
 * session), never a token or a code.
 */
public record DeviceEvent(String deviceId, String name, String sessionId, String transferId, Instant at, String reason,
                          JsonObject details) {

    public static final String TRANSFER_OFFERED = "transfer-offered";
    public static final String TRANSFER_CLAIMED = "transfer-claimed";
    public static final String TRANSFER_EXPIRED = "transfer-expired";
    public static final String TRANSFER_CANCELLED = "transfer-cancelled";
    public static final String SESSION_MOVED = "session-moved";
    public static final String PROHIBITION_ENDED = "prohibition-ended";
    /** To the holder of a session that ended, with why: {@code ended-by-holder}, {@code ended-by-admin}, {@code device-revoked}. */
    public static final String SESSION_ENDED = "session-ended";
    /** The last event a revoked device hears: its streams close after it. */
    public static final String DEVICE_REVOKED = "device-revoked";
    /** To the holding device: another device asks to continue the session (a pull); details name it. */
    public static final String TRANSFER_REQUESTED = "transfer-requested";
    /** To the device that asked: the holder approved its pull and shows the claim code. */
    public static final String TRANSFER_APPROVED = "transfer-approved";
    /** To both devices: the holder refused the pull. */
    public static final String TRANSFER_DENIED = "transfer-denied";

    private static final Set<String> MEMBERS = Set.of("type", "deviceId", "sessionId", "transferId", "reason", "at");

    public DeviceEvent {
        Objects.requireNonNull(deviceId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(at);
    }

    public DeviceEvent(String deviceId, String name, String sessionId, String transferId, Instant at) {
        this(deviceId, name, sessionId, transferId, at, null, null);
    }

    public DeviceEvent(String deviceId, String name, String sessionId, String transferId, Instant at, String reason) {
        this(deviceId, name, sessionId, transferId, at, reason, null);
    }

    public JsonObject json() {
        JsonObjectBuilder data = Jsons.JSON.createObjectBuilder().add("type", name).add("deviceId", deviceId);
        if (sessionId != null) {
            data.add("sessionId", sessionId);
        }
        if (transferId != null) {
            data.add("transferId", transferId);
        }
        if (reason != null) {
            data.add("reason", reason);
        }
        if (details != null) {
            details.forEach((member, value) -> {
                if (!MEMBERS.contains(member)) {
                    data.add(member, value);
                }
            });
        }
        return data.add("at", at.toString()).build();
    }

    public static DeviceEvent parse(String json) {
        try (JsonReader reader = Jsons.JSON.createReader(new StringReader(json))) {
            JsonObject data = reader.readObject();
            JsonObjectBuilder details = Jsons.JSON.createObjectBuilder();
            data.forEach((member, value) -> {
                if (!MEMBERS.contains(member)) {
                    details.add(member, value);
                }
            });
            JsonObject more = details.build();
            return new DeviceEvent(data.getString("deviceId"), data.getString("type"), data.getString("sessionId", null),
                    data.getString("transferId", null), Instant.parse(data.getString("at")), data.getString("reason", null),
                    more.isEmpty() ? null : more);
        }
    }
}
