package org.shequn.shared.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.shequn.shared.Rejection;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts an uploaded picture only if its bytes are a PNG, JPEG or GIF (whatever the name or declared
 * type says), within the size and dimension limits, and with nothing after the picture's end; it stores
 * it re-encoded: the stored file is pixels we wrote ourselves, so nothing hidden in the original (scripts,
 * metadata) survives.
 */
@Component
public class ImageUploads {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int MAX_SIDE = 4096;

    private final FileStore files;

    ImageUploads(FileStore files) {
        this.files = files;
    }

    /**
     * Validates, shrinks to at most {@code maxSide} pixels on the longer side, re-encodes and stores.
     * Returns the stored key. {@code field} names the form field in error messages.
     */
    public String store(MultipartFile upload, String field, int maxSide) {
        return files.put(reencoded(upload, field, maxSide), "image/png");
    }

    /** As {@link #store}, but kept private: served only by the owning module's authorized endpoint. */
    public String storePrivate(MultipartFile upload, String field, int maxSide) {
        return files.putPrivate(reencoded(upload, field, maxSide), "image/png");
    }

    private byte[] reencoded(MultipartFile upload, String field, int maxSide) {
        if (upload == null || upload.isEmpty()) {
            throw Rejection.invalid(field, "upload.empty");
        }
        if (upload.getSize() > MAX_BYTES) {
            throw Rejection.tooLarge("upload.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        byte[] bytes;
        try {
            bytes = upload.getBytes();
        } catch (IOException e) {
            throw Rejection.invalid(field, "upload.unreadable");
        }
        refuseTrailingData(bytes, field);
        var image = decode(bytes, field);
        var scaled = scale(image, maxSide);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(scaled, "png", out);
        } catch (IOException e) {
            throw Rejection.invalid(field, "upload.notImage");
        }
        return out.toByteArray();
    }

    /**
     * Refuses a picture that carries other data after its end (see {@link ImageEnd}): re-encoding would drop
     * it, but such an upload is a polyglot made on purpose.
     */
    public static void refuseTrailingData(byte[] bytes, String field) {
        if (!ImageEnd.endsCleanly(bytes)) {
            throw Rejection.invalid(field, "upload.trailing");
        }
    }

    private static BufferedImage decode(byte[] bytes, String field) {
        if (!looksLikeImage(bytes)) {
            throw Rejection.invalid(field, "upload.notImage");
        }
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw Rejection.invalid(field, "upload.notImage");
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                // Check the declared dimensions before decoding, so a tiny file claiming 100000×100000 pixels
                // cannot exhaust memory.
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > MAX_SIDE * 2 || height > MAX_SIDE * 2) {
                    throw Rejection.invalid(field, "upload.dimensions", MAX_SIDE * 2);
                }
                var image = reader.read(0);
                if (image == null) {
                    throw Rejection.invalid(field, "upload.notImage");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Rejection rejection) {
                throw rejection;
            }
            throw Rejection.invalid(field, "upload.notImage");
        }
    }

    /** Magic numbers of the formats we accept: PNG, JPEG, GIF. */
    static boolean looksLikeImage(byte[] b) {
        if (b.length < 8) {
            return false;
        }
        boolean png = (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
        boolean gif = b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
        return png || jpeg || gif;
    }

    private static BufferedImage scale(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int nw = Math.max(1, (int) Math.round(w * factor));
        int nh = Math.max(1, (int) Math.round(h * factor));
        var result = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_ARGB);
        var g = result.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, nw, nh, null);
        g.dispose();
        return result;
    }
}
