package org.shequn.reaction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.shequn.shared.Rejection;
import org.shequn.shared.files.ImageEnd;

/**
 * Judges a sticker file by its bytes, never by its name or declared type. PNG is decoded and re-encoded (the
 * stored file is pixels we wrote). GIF and WebP are kept byte for byte so that animations stay animated, which is
 * why their structure is walked to the end: a GIF must stop exactly at its trailer and a WebP exactly where its
 * RIFF header says, so nothing (HTML, a ZIP, a script) can ride along behind the picture.
 */
final class StickerImages {

    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_SIDE = 512;

    /** A sticker file that passed: the bytes to store, their type and declared size. */
    record Checked(byte[] bytes, String contentType, int width, int height) {
    }

    private StickerImages() {
    }

    static Checked check(byte[] b, String field) {
        if (b == null || b.length == 0) {
            throw Rejection.invalid(field, "content.sticker.file.empty");
        }
        if (b.length > MAX_BYTES) {
            throw Rejection.invalid(field, "content.sticker.file.tooLarge", MAX_BYTES / 1024);
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})) {
            return png(b, field);
        }
        if (startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a"))) {
            return gif(b, field);
        }
        if (startsWith(b, ascii("RIFF")) && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return webp(b, field);
        }
        throw Rejection.invalid(field, "content.sticker.file.type");
    }

    private static Checked png(byte[] b, String field) {
        // IHDR is always the first chunk: width and height at bytes 16..23, read before decoding anything
        if (b.length < 33 || !(b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R')) {
            throw broken(field);
        }
        dimensions(u32be(b, 16), u32be(b, 20), field);
        try {
            var image = ImageIO.read(new ByteArrayInputStream(b));
            if (image == null) {
                throw broken(field);
            }
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return new Checked(out.toByteArray(), "image/png", image.getWidth(), image.getHeight());
        } catch (IOException | RuntimeException e) {
            if (e instanceof Rejection r) {
                throw r;
            }
            throw broken(field);
        }
    }

    private static Checked gif(byte[] b, String field) {
        if (b.length < 14) {
            throw broken(field);
        }
        int width = u16le(b, 6);
        int height = u16le(b, 8);
        dimensions(width, height, field);
        int end = ImageEnd.gifEnd(b);
        if (end < 0) {
            throw broken(field);
        }
        if (end != b.length) {
            throw Rejection.invalid(field, "content.sticker.file.trailing");
        }
        try {
            if (ImageIO.read(new ByteArrayInputStream(b)) == null) {
                throw broken(field);
            }
        } catch (IOException | RuntimeException e) {
            throw broken(field);
        }
        return new Checked(b, "image/gif", width, height);
    }

    private static Checked webp(byte[] b, String field) {
        if (b.length < 30 || u32le(b, 4) + 8L != b.length) {
            throw Rejection.invalid(field, "content.sticker.file.trailing");
        }
        // every chunk must fit, padded to an even length, and the last must end exactly at the end of the file
        for (int at = 12; at != b.length; ) {
            if (at + 8 > b.length) {
                throw broken(field);
            }
            long next = at + 8L + u32le(b, at + 4) + (u32le(b, at + 4) & 1);
            if (next > b.length) {
                throw broken(field);
            }
            at = (int) next;
        }
        var chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        int width;
        int height;
        switch (chunk) {
            case "VP8 " -> {
                // key frame: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height
                if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
                    throw broken(field);
                }
                width = u16le(b, 26) & 0x3fff;
                height = u16le(b, 28) & 0x3fff;
            }
            case "VP8L" -> {
                // signature 0x2f, then width-1 and height-1 in 14 bits each, least significant bit first
                if ((b[20] & 0xff) != 0x2f) {
                    throw broken(field);
                }
                long bits = u32le(b, 21);
                width = (int) (bits & 0x3fff) + 1;
                height = (int) ((bits >> 14) & 0x3fff) + 1;
            }
            case "VP8X" -> {
                // extended format (animation, alpha): canvas width-1 and height-1 in 24 bits each
                width = u24le(b, 24) + 1;
                height = u24le(b, 27) + 1;
            }
            default -> throw broken(field);
        }
        dimensions(width, height, field);
        return new Checked(b, "image/webp", width, height);
    }

    private static void dimensions(long width, long height, String field) {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw Rejection.invalid(field, "content.sticker.file.dimensions", MAX_SIDE);
        }
    }

    private static Rejection broken(String field) {
        return Rejection.invalid(field, "content.sticker.file.broken");
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static long u32be(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static long u32le(byte[] b, int at) {
        return ((long) (b[at + 3] & 0xff) << 24) | ((b[at + 2] & 0xff) << 16) | ((b[at + 1] & 0xff) << 8) | (b[at] & 0xff);
    }

    private static int u24le(byte[] b, int at) {
        return ((b[at + 2] & 0xff) << 16) | ((b[at + 1] & 0xff) << 8) | (b[at] & 0xff);
    }

    private static int u16le(byte[] b, int at) {
        return ((b[at + 1] & 0xff) << 8) | (b[at] & 0xff);
    }
}
