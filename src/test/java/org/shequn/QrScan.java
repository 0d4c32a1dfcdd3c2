package org.shequn;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Reads a QR code out of a whole picture (a poster, a page) as a phone camera would, more than once: a small code in
 * a busy picture sometimes misleads one binarizer at one scale (ChecksumException), so it also tries the other
 * binarizer, twice the size and overlapping regions of the picture (as a camera framing the code would) before it
 * gives up. The first candidate that reads wins, so a readable code costs one decode.
 */
public final class QrScan {

    private QrScan() {
    }

    public static String scan(BufferedImage image) throws Exception {
        Exception last = null;
        var candidates = new java.util.ArrayList<BufferedImage>(List.of(image, doubled(image)));
        // and as a camera framing the code: overlapping regions of three quarters and of half the picture's size, so
        // the rest of the picture (lines of text full of square glyphs) cannot mislead; a poster's code is more than
        // half as wide as the poster, so only the larger regions hold it whole
        for (int part : new int[] {4, 2}) {
            int w = image.getWidth() * (part == 4 ? 3 : 1) / part;
            int h = image.getHeight() * (part == 4 ? 3 : 1) / part;
            for (int y = 0; y <= 2; y++) {
                for (int x = 0; x <= 2; x++) {
                    var region = image.getSubimage(x * (image.getWidth() - w) / 2, y * (image.getHeight() - h) / 2, w, h);
                    candidates.add(region);
                    candidates.add(doubled(region));
                }
            }
        }
        for (var candidate : candidates) {
            int w = candidate.getWidth();
            int h = candidate.getHeight();
            var source = new RGBLuminanceSource(w, h, candidate.getRGB(0, 0, w, h, null, 0, w));
            for (var bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
                try {
                    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
                } catch (ReaderException e) {
                    last = e;
                }
            }
        }
        throw last;
    }

    private static BufferedImage doubled(BufferedImage image) {
        var big = new BufferedImage(image.getWidth() * 2, image.getHeight() * 2, BufferedImage.TYPE_INT_RGB);
        var g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        return big;
    }
}
