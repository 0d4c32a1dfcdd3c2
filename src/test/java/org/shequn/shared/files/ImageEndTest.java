package org.shequn.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import org.junit.jupiter.api.Test;

class ImageEndTest {

    private static final byte[] HTML = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);

    @Test
    void realPicturesEndWhereTheirFilesEnd() throws Exception {
        for (var format : new String[] {"png", "gif", "jpeg"}) {
            assertThat(ImageEnd.endsCleanly(encoded(format))).as(format).isTrue();
        }
        assertThat(ImageEnd.endsCleanly(progressiveJpeg())).isTrue();
        // zero padding after a JPEG's end is what some cameras write
        assertThat(ImageEnd.endsCleanly(concat(encoded("jpeg"), new byte[16]))).isTrue();
    }

    @Test
    void anEndMarkerInsideAJpegSegmentIsNoEnd() throws Exception {
        var jpeg = encoded("jpeg");
        // an APP1 segment (where EXIF keeps its thumbnail) holding a whole little JPEG, end marker included
        var thumbnail = concat(new byte[] {(byte) 0xff, (byte) 0xd8}, new byte[] {1, 2, 3, (byte) 0xff, (byte) 0xd9});
        var app1 = concat(new byte[] {(byte) 0xff, (byte) 0xe1, 0, (byte) (thumbnail.length + 2)}, thumbnail);
        var withThumbnail = concat(concat(Arrays.copyOf(jpeg, 2), app1), Arrays.copyOfRange(jpeg, 2, jpeg.length));
        assertThat(ImageEnd.endsCleanly(withThumbnail)).isTrue();
    }

    @Test
    void dataAfterThePictureIsNotClean() throws Exception {
        for (var format : new String[] {"png", "gif", "jpeg"}) {
            var picture = encoded(format);
            assertThat(ImageEnd.endsCleanly(concat(picture, HTML))).as(format).isFalse();
            // a tail that ends the way the picture's format does
            assertThat(ImageEnd.endsCleanly(concat(concat(picture, HTML), Arrays.copyOfRange(picture, picture.length - 2, picture.length))))
                    .as(format + " with a disguised tail").isFalse();
        }
        assertThat(ImageEnd.endsCleanly(concat("GIF89a".getBytes(StandardCharsets.US_ASCII), concat(new byte[8], HTML)))).isFalse();
    }

    @Test
    void cutOffPicturesAndOtherBytesAreLeftToTheDecoder() throws Exception {
        var gif = encoded("gif");
        assertThat(ImageEnd.endsCleanly(Arrays.copyOf(gif, gif.length - 3))).isTrue();
        assertThat(ImageEnd.endsCleanly(HTML)).isTrue();
        assertThat(ImageEnd.endsCleanly(new byte[0])).isTrue();
    }

    private static byte[] encoded(String format) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture(), format, out);
        return out.toByteArray();
    }

    private static byte[] progressiveJpeg() throws Exception {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(picture(), null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    private static BufferedImage picture() {
        var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(15, 118, 110));
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.ORANGE);
        g.fillOval(5, 5, 20, 15);
        g.dispose();
        return image;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
