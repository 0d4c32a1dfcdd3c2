package org.shequn.shared.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as SVG: one path of unit squares, so it stays sharp at any size and weighs a few kilobytes. A phone's
 * camera (WeChat's scanner too) reads it; the quiet zone is the four modules the standard asks for.
 */
public final class QrCode {

    public static final int QUIET = 4;

    private QrCode() {
    }

    /**
     * The code's modules, without a quiet zone: whoever draws it leaves {@value #QUIET} light modules around it. A text
     * in ASCII (our links) is written without a character-set (ECI) header: many scanners do not read ECI, and with it
     * ZXing's own detector missed about one code in eight of our invitation links; other text is marked UTF-8.
     */
    public static BitMatrix matrix(String text) {
        var hints = new java.util.HashMap<EncodeHintType, Object>(
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        if (!text.chars().allMatch(c -> c < 128)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code", e);
        }
    }

    public static String svg(String text) {
        var matrix = matrix(text);
        int size = matrix.getWidth() + 2 * QUIET;
        var path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x + QUIET).append(' ').append(y + QUIET).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
