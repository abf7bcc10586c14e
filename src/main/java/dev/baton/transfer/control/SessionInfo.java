package dev.baton.transfer.control;

import dev.baton.platform.json.JsonRequestReader;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.Base64;

/**
 * The {@code Baton-Session-Info} header: base64url (padded or not) of a UTF-8 JSON object of at
 * most {@code baton.session-info.max-bytes} decoded bytes.
 */
public final class SessionInfo {

    public static final String HEADER = "Baton-Session-Info";

    private SessionInfo() {
    }

    public static JsonObject decode(String header, int maxBytes) {
        if (header == null || header.isBlank()) {
            throw new BatonException(Problem.SESSION_INFO_INVALID, "The Baton-Session-Info header is required.");
        }
        String encoded = header.trim();
        if (encoded.length() > (maxBytes + 2) / 3 * 4 + 2) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new BatonException(Problem.SESSION_INFO_INVALID, "Baton-Session-Info is not base64url.");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return JsonRequestReader.object(new ByteArrayInputStream(bytes), Problem.SESSION_INFO_INVALID);
    }

    private static BatonException tooLarge(int maxBytes) {
        return new BatonException(Problem.PAYLOAD_TOO_LARGE, "Session information over " + maxBytes + " bytes.");
    }
}
