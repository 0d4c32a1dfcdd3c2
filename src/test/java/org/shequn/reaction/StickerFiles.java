package org.shequn.reaction;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;

/** Sticker test files built in code: real PNG/GIF from ImageIO, a hand-written WebP, and hostile variants. */
public final class StickerFiles {

    private StickerFiles() {
    }

    public static byte[] png(int width, int height) {
        return write(image(width, height, new Color(15, 118, 110)), "png");
    }

    public static byte[] jpeg(int width, int height) {
        var rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return write(rgb, "jpeg");
    }

    /** A PNG whose IHDR declares side×side pixels while carrying (almost) nothing. */
    public static byte[] pngDeclaring(int side) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A two-frame (animated) GIF written by ImageIO's GIF writer as a sequence. */
    public static byte[] animatedGif(int width, int height) {
        try {
            var writer = ImageIO.getImageWritersByFormatName("gif").next();
            var out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(null);
                writer.writeToSequence(new IIOImage(image(width, height, Color.RED), null, null), null);
                writer.writeToSequence(new IIOImage(image(width, height, Color.BLUE), null, null), null);
                writer.endWriteSequence();
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int gifFrames(byte[] gif) throws IOException {
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(gif))) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }

    /** A real GIF whose logical screen claims width×height (the frames stay small). */
    public static byte[] gifDeclaring(int width, int height) {
        var gif = animatedGif(8, 8);
        gif[6] = (byte) width;
        gif[7] = (byte) (width >> 8);
        gif[8] = (byte) height;
        gif[9] = (byte) (height >> 8);
        return gif;
    }

    public static byte[] concat(byte[] a, byte[] b) {
        var result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    /**
     * The smallest lossless WebP: a 1×1 transparent pixel (the same 34 bytes browsers' feature tests use).
     * <pre>
     * 52 49 46 46  1a 00 00 00   "RIFF", size 26 = file length 34 − 8
     * 57 45 42 50                "WEBP"
     * 56 50 38 4c  0d 00 00 00   chunk "VP8L", 13 bytes of data (+1 padding byte, chunks are even)
     * 2f                         VP8L signature
     * 00 00 00 10                14 bits width−1 = 0, 14 bits height−1 = 0, alpha 1, version 0 (little endian)
     * 07 10 11 11 88 88 fe 07    the entropy-coded pixel
     * 00                         padding
     * </pre>
     */
    public static byte[] webp() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    /** The same file with the VP8L header claiming width×height. */
    public static byte[] webpDeclaring(int width, int height) {
        var b = webp();
        int bits = (width - 1) | ((height - 1) << 14) | (1 << 28);
        ByteBuffer.wrap(b, 21, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(bits);
        return b;
    }

    /** A WebP whose RIFF size field says something other than the file's length. */
    public static byte[] webpWrongSize() {
        var b = webp();
        b[4] = 0x40;
        return b;
    }

    /** A WebP whose only chunk is not an image ("ZZZZ"). */
    public static byte[] webpUnknownChunk() {
        var b = webp();
        b[12] = 'Z';
        b[13] = 'Z';
        b[14] = 'Z';
        b[15] = 'Z';
        return b;
    }

    /** Random pixels: a PNG of this size does not compress, so it is larger than the sticker limit. */
    public static byte[] noisyPng(int side) {
        var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        var random = new java.util.Random(7);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return write(image, "png");
    }

    private static BufferedImage image(int width, int height, Color color) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        var typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
