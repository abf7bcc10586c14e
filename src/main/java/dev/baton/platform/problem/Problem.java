package dev.baton.platform.problem;

import java.util.Locale;

/**
 * Every refusal Baton answers, with its HTTP status and the stable machine code clients rely on: a
 * code, once published, keeps its meaning; a new kind of refusal gets a new code.
 */
public enum Problem {
    UNAUTHENTICATED(401, "Authentication required"),
    REAUTHENTICATION_REQUIRED(401, "A recent sign-in is required"),
    DEVICE_UNAUTHENTICATED(401, "Device not authenticated"),
    SESSION_TOKEN_INVALID(401, "Session token invalid"),
    PROOF_INVALID(401, "Device proof invalid"),
    FORBIDDEN(403, "Forbidden"),
    DEVICE_NOT_REGISTERED(403, "Device not registered"),
    TRANSFER_NOT_AUTHORIZED(403, "Transfer not authorized"),
    ACCESS_PROHIBITED(403, "Access prohibited"),
    CLAIM_CODE_INVALID(403, "Claim code invalid"),
    RESTORE_TOKEN_INVALID(403, "Restore token invalid"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    REQUEST_TIMEOUT(408, "Request timeout"),
    TARGET_PROHIBITED(409, "Target device prohibited"),
    SESSION_NOT_ACTIVE(409, "Session not active"),
    TRANSFER_IN_PROGRESS(409, "Transfer in progress"),
    TRANSFER_NOT_APPROVED(409, "Transfer not approved"),
    DEVICE_LIMIT_REACHED(409, "Device limit reached"),
    CONCURRENT_MODIFICATION(409, "Concurrent modification"),
    TRANSFER_GONE(410, "Transfer gone"),
    VERSION_CONFLICT(412, "Version conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    RATE_LIMITED(429, "Too many requests"),
    TOO_MANY_STREAMS(429, "Too many event streams"),
    HEADERS_TOO_LARGE(431, "Request header fields too large"),
    SESSION_INFO_INVALID(400, "Session information invalid"),
    INVALID_REQUEST(400, "Invalid request"),
    INTERNAL(500, "Internal error"),
    UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    Problem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The stable machine code, e.g. {@code claim-code-invalid}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String type() {
        return "urn:baton:problem:" + code();
    }

    /** The problem a bare HTTP status stands for, when the container or JAX-RS refused first. */
    public static Problem ofStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : INVALID_REQUEST;
        };
    }
}
