package dev.baton.transfer.boundary;

import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.transfer.control.ClaimQr;
import dev.baton.transfer.entity.Transfer;
import dev.baton.transfer.entity.TransferDirection;
import dev.baton.transfer.entity.TransferStatus;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A transfer as its source sees it once it has a claim code (a push requested, a pull approved):
 * {@link TransferView}'s members, the code, the claim call, and Baton's claim page with the transfer
 * and the code in its fragment; {@code claimQr}, that page as an SVG QR code, only when asked for.
 */
@Schema(description = "A transfer waiting for its claim, as the source device sees it: with the code to show its user.")
public record ClaimableTransfer(
        @Schema(example = "7c0b9f3e-1d2a-4b5c-9e8f-0a1b2c3d4e5f") String id,
        TransferDirection direction,
        String sessionId,
        String sourceDeviceId,
        String targetDeviceId,
        TransferStatus status,
        Instant requestedAt,
        Instant expiresAt,
        @Schema(description = "The code the user types at the target device; shown in this answer only.",
                example = "73CH3DAT") String claimCode,
        @Schema(format = "uri", description = "The claim call, for the target device.",
                example = "https://baton.example/api/v1/transfers/7c0b9f3e-1d2a-4b5c-9e8f-0a1b2c3d4e5f/claim") String claimUri,
        @Schema(format = "uri", description = "Baton's claim page, with the transfer and the code in its fragment.",
                example = "https://baton.example/app/claim.html#transfer=7c0b9f3e-1d2a-4b5c-9e8f-0a1b2c3d4e5f&code=73CH3DAT")
        String claimPage,
        @Schema(nullable = true, description = "`claimPage` as an SVG QR code, when asked for with `?qr=svg`; else null.")
        String claimQr) {

    /** What the query parameter {@code qr} asks for. */
    static final String QR = "`svg` adds `claimQr`, the claim page as an SVG QR code for the target device's camera.";

    static ClaimableTransfer of(Transfer transfer, String claimCode, URI baseUri) {
        TransferView view = TransferView.of(transfer);
        return new ClaimableTransfer(view.id(), view.direction(), view.sessionId(), view.sourceDeviceId(),
                view.targetDeviceId(), view.status(), view.requestedAt(), view.expiresAt(), claimCode,
                baseUri.resolve("api/v1/transfers/" + transfer.id() + "/claim").toString(),
                ClaimQr.link(baseUri, transfer.id(), claimCode).toString(), null);
    }

    /** Whether the query parameter {@code qr} asks for {@code claimQr}; {@code svg} is the one format. */
    static boolean wantsQr(String qr) {
        if (qr != null && !qr.equals("svg")) {
            throw new BatonException(Problem.INVALID_REQUEST, "'qr' may only be 'svg'.");
        }
        return qr != null;
    }

    /** This transfer with {@code claimQr}. */
    ClaimableTransfer withQr() {
        return new ClaimableTransfer(id, direction, sessionId, sourceDeviceId, targetDeviceId, status, requestedAt, expiresAt,
                claimCode, claimUri, claimPage, ClaimQr.svg(claimPage));
    }
}
