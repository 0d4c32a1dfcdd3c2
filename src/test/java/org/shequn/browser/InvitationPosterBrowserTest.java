package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;

/**
 * An owner makes an invitation and saves its share poster to send in WeChat: the poster's thumbnail and its
 * 保存海报 link sit beside the QR code at desktop and phone width, and the PNG they lead to scans to the link.
 * The poster itself is saved as target/screenshots/invitation-poster.png (and -en, and -no-cover) to look at.
 */
class InvitationPosterBrowserTest extends BrowserTest {

    @Test
    void anOwnerSavesAnInvitationPosterWhoseCodeScansToTheLink() throws Exception {
        try (var context = visitor(false)) {
            var page = context.newPage();
            var owner = signUp(context, page, "阿岚");
            var slug = Api.unique("run-");
            createCommunity(context.request(), owner, community(slug, "周末晨跑团",
                    "每周六早上七点在奥森南门集合，5 公里或 10 公里随意，跑完一起吃早餐聊天。新朋友随时欢迎！"));
            var cover = context.request().post(url("/api/v1/communities/" + slug + "/cover"), owner.auth()
                    .setMultipart(FormData.create().set("file", new FilePayload("cover.png", "image/png", cover()))));
            org.assertj.core.api.Assertions.assertThat(cover.status()).isEqualTo(200);

            page.navigate(url("/c/" + slug + "/invitations"));
            page.locator("form[action='/c/" + slug + "/invitations'] button[type=submit]").click();
            var save = page.locator("#created-poster");
            assertThat(save).hasText("保存海报");
            assertThat(save).hasAttribute("download", "invite-" + slug + ".png");
            assertThat(page.locator("ul.invitations a[download]")).hasText("保存海报");
            loaded(page);
            screenshot(page, "30-invitation-poster-desktop");
            page.setViewportSize(390, 844);
            loaded(page);
            org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                    "() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            screenshot(page, "31-invitation-poster-phone");

            var link = page.locator("#created-link").textContent().strip();
            var href = save.getAttribute("href");
            var png = context.request().get(url(href));
            org.assertj.core.api.Assertions.assertThat(png.headers().get("content-type")).isEqualTo("image/png");
            var image = ImageIO.read(new ByteArrayInputStream(png.body()));
            org.assertj.core.api.Assertions.assertThat(image.getWidth()).isEqualTo(750);
            org.assertj.core.api.Assertions.assertThat(scan(image)).isEqualTo(link);
            Files.write(SCREENSHOTS.resolve("invitation-poster.png"), png.body());
            var english = context.request().get(url(href), RequestOptions.create().setHeader("Accept-Language", "en"));
            Files.write(SCREENSHOTS.resolve("invitation-poster-en.png"), english.body());

            var plain = Api.unique("read-");
            createCommunity(context.request(), owner, community(plain, "Book Club 读书会",
                    "One book a month, read slowly and talked over tea on the last Sunday."));
            var made = Api.read(context.request().post(url("/api/v1/communities/" + plain + "/invitations"),
                    owner.auth().setData(Map.of())).text());
            var noCover = context.request().get(url("/c/" + plain + "/invitations/" + made.get("id").asLong()
                    + "/poster.png"));
            Files.write(SCREENSHOTS.resolve("invitation-poster-no-cover.png"), noCover.body());
            org.assertj.core.api.Assertions.assertThat(scan(ImageIO.read(new ByteArrayInputStream(noCover.body()))))
                    .isEqualTo(made.get("link").asString());
        }
    }

    private static Map<String, Object> community(String slug, String name, String description) {
        var settings = CommunityFixtures.settings(slug, "INVITATION", 40);
        settings.put("name", name);
        settings.put("description", description);
        return settings;
    }

    private static String scan(BufferedImage image) throws Exception {
        return org.shequn.QrScan.scan(image);
    }

    /** A cover like a morning photo: a warm sky over hills. */
    private static byte[] cover() throws Exception {
        var image = new BufferedImage(1200, 700, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xfdba74), 0, 700, new Color(0xfde68a)));
        g.fillRect(0, 0, 1200, 700);
        g.setColor(new Color(0xfff7ed));
        g.fillOval(760, 140, 180, 180);
        g.setColor(new Color(0x5eead4));
        g.fillOval(-200, 420, 900, 600);
        g.setColor(new Color(0x14b8a6));
        g.fillOval(400, 470, 1100, 600);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
