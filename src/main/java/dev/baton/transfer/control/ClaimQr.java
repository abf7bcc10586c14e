package dev.baton.transfer.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.net.URI;
import java.util.Map;

/**
 * The claim page's link for one transfer, and that link as a QR code in SVG for the target
 * device's camera. The code travels in the link's fragment, which a browser never sends to a server,
 * so it stays out of access logs and {@code Referer} headers.
 */
public final class ClaimQr {

    /** The claim page, relative to Baton's base address. */
    public static final String PAGE = "app/claim.html";
    /** Modules of white around the code, as the QR standard asks. */
    private static final int QUIET_ZONE = 4;

    private ClaimQr() {
    }

    public static URI link(URI baseUri, String transferId, String claimCode) {
        return baseUri.resolve(PAGE + "#transfer=" + transferId + "&code=" + claimCode);
    }

    /** {@code text} as a QR code: one module per SVG unit, dark runs of a row drawn as one rectangle. */
    public static String svg(String text) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("No QR code holds " + text.length() + " characters", tooLong);
        }
        int size = modules.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; ) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < size && modules.get(x + run, y)) {
                    run++;
                }
                path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
                x += run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
