package dev.baton.transfer.control;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.net.URI;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ClaimQrTest {

    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) \\1\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");
    private static final int SCALE = 4;

    @Test
    void theLinkCarriesTheCodeInItsFragment() {
        URI link = ClaimQr.link(URI.create("https://baton.corp.example/"), "t-1", "ABCD2345");
        assertEquals("https://baton.corp.example/app/claim.html#transfer=t-1&code=ABCD2345", link.toString());
        assertEquals(null, link.getQuery());
    }

    @Test
    void aReaderDecodesTheDrawingBackToTheLink() throws Exception {
        String link = "https://baton.corp.example:8443/app/claim.html#transfer=0b7e4a62-27c1-4d8e-9a53-3f0c2b1d5e77&code=K7QX2MPD";
        String svg = ClaimQr.svg(link);
        assertFalse(svg.contains("<script"), svg);
        assertEquals(link, new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(raster(svg)))).getText());
    }

    /** Paints the SVG's runs into pixels, the way a screen shows them to a camera. */
    private static RGBLuminanceSource raster(String svg) {
        Matcher size = SIZE.matcher(svg);
        size.find();
        int width = Integer.parseInt(size.group(1)) * SCALE;
        int[] pixels = new int[width * width];
        Arrays.fill(pixels, 0xFFFFFF);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int py = y * SCALE; py < (y + 1) * SCALE; py++) {
                Arrays.fill(pixels, py * width + x * SCALE, (x + length) * SCALE + py * width, 0);
            }
        }
        return new RGBLuminanceSource(width, width, pixels);
    }
}
