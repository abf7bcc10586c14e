package dev.baton.transfer.boundary;

import dev.baton.platform.json.Fields;
import dev.baton.platform.json.Jsons;
import dev.baton.transfer.control.ClaimQr;
import dev.baton.transfer.entity.Transfer;
import jakarta.json.JsonObject;
import java.net.URI;

/** A transfer as its devices see it, push or pull: never the session information; the claim code only in the answer that made it. */
public final class TransferView {

    private TransferView() {
    }

    public static JsonObject of(Transfer transfer) {
        return Jsons.object(
                "id", transfer.id(),
                "direction", transfer.direction(),
                "sessionId", transfer.sessionId(),
                "sourceDeviceId", transfer.sourceDeviceId(),
                "targetDeviceId", transfer.targetDeviceId(),
                "status", transfer.status().name(),
                "requestedAt", transfer.createdAt(),
                "expiresAt", transfer.expiresAt());
    }

    /**
     * A transfer as its source sees it once it has a claim code (a push requested, a pull approved):
     * the code, the claim call and Baton's claim page with the transfer and the code in its fragment.
     */
    public static JsonObject withCode(Transfer transfer, String claimCode, URI baseUri) {
        return Jsons.extend(of(transfer),
                "claimCode", claimCode,
                "claimUri", baseUri.resolve("api/v1/transfers/" + transfer.id() + "/claim").toString(),
                "claimPage", ClaimQr.link(baseUri, transfer.id(), claimCode).toString());
    }

    /** Whether the query parameter {@code qr} asks for the claim page as a QR code; only {@code svg} is known. */
    public static boolean wantsQr(String qr) {
        if (qr != null && !qr.equals("svg")) {
            throw Fields.invalid("'qr' may only be 'svg'.");
        }
        return qr != null;
    }

    /** {@link #withCode} with {@code claimQr}, the claim page as an SVG QR code. */
    public static JsonObject withQr(JsonObject withCode) {
        return Jsons.extend(withCode, "claimQr", ClaimQr.svg(withCode.getString("claimPage")));
    }
}
