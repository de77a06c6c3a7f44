package nl.koers.server.dashboard;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A pairing code as a QR image for the phone's camera: the text
 * {@code koers:pair?server=<base url>&code=<code>} as a black-and-white PNG (zxing core encodes,
 * the JDK writes the PNG), inlined as a {@code data:} URI so that it needs no second request.
 */
final class PairingQr {

    private static final int MODULE_PIXELS = 8;
    private static final int QUIET_ZONE_MODULES = 4;

    private PairingQr() {
    }

    /** The text a QR code carries for a pairing. */
    static String content(String serverUrl, String code) {
        return "koers:pair?server=" + URLEncoder.encode(serverUrl, StandardCharsets.UTF_8) + "&code=" + code;
    }

    static String dataUri(String content) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(content));
    }

    private static byte[] png(String content) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the pairing text does not fit in a QR code: " + content.length() + " characters", e);
        }
        int modules = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
        BufferedImage image = new BufferedImage(modules * MODULE_PIXELS, modules * MODULE_PIXELS, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int mx = x / MODULE_PIXELS - QUIET_ZONE_MODULES;
                int my = y / MODULE_PIXELS - QUIET_ZONE_MODULES;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
