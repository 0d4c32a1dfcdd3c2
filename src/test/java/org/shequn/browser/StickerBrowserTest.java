package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The owner uploads a sticker pack through the real form (desktop); a member, on a phone, likes a post, reacts with
 * a sticker and answers with a sticker-only comment.
 */
class StickerBrowserTest extends BrowserTest {

    @Test
    void ownerUploadsAPackAndAMemberReactsAndCommentsWithStickers() {
        try (var ownerContext = visitor(false); var memberContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "表情群主");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "sb-");
            var post = post(ownerContext.request(), ownerAccount, slug,
                    Map.of("kind", "DISCUSSION", "title", "周末读书会", "body", "这周六下午两点，老地方见。"));

            owner.navigate(url("/c/" + slug + "/posts"));
            owner.click("a[href='/c/" + slug + "/stickers']");
            owner.waitForURL("**/c/" + slug + "/stickers");
            owner.fill("form.sticker-upload input[name=name]", "读书猫");
            var files = owner.locator("form.sticker-upload input[name=stickers]");
            var names = owner.locator("form.sticker-upload input[name=names]");
            files.nth(0).setInputFiles(new FilePayload("happy.png", "image/png", face(new Color(250, 204, 21), true, false)));
            names.nth(0).fill("开心");
            files.nth(1).setInputFiles(new FilePayload("wave.gif", "image/gif", animatedFace(new Color(96, 165, 250))));
            names.nth(1).fill("挥手");
            files.nth(2).setInputFiles(new FilePayload("wow.png", "image/png", face(new Color(244, 114, 182), false, true)));
            names.nth(2).fill("哇");
            owner.click("form.sticker-upload button[type=submit]");
            assertThat(owner.locator(".sticker-tile")).hasCount(3);
            assertThat(owner.locator(".sticker-tile img").first()).hasAttribute("alt", "开心");
            loaded(owner);
            screenshot(owner, "stickers-01-manage-desktop");
            owner.setViewportSize(390, 844);
            screenshot(owner, "stickers-02-manage-phone");

            var member = memberContext.newPage();
            join(memberContext.request(), signUp(memberContext, member, "读书会成员"), slug);
            member.navigate(url("/c/" + slug + "/posts/" + post));
            member.click("#reactions button.reaction.like");
            assertThat(member.locator("#reactions button.reaction.like.mine .count")).hasText("1");
            member.click("#reactions .reaction-picker summary");
            member.click("#reactions .reaction-picker button[title='挥手']");
            assertThat(member.locator("#reactions button.reaction.sticker.mine")).hasCount(1);
            assertThat(member.locator("#reactions button.reaction.sticker.mine .count")).hasText("1");
            screenshot(member, "stickers-03-reacted-phone");

            member.click("form.comment-form .comment-sticker summary");
            screenshot(member, "stickers-04-picker-phone");
            member.click("form.comment-form .comment-sticker label[title='开心']");
            member.click("form.comment-form button[type=submit]");
            assertThat(member.locator(".comment .comment-sticker-img")).hasCount(1);
            assertThat(member.locator(".comment .comment-sticker-img")).hasAttribute("alt", "开心");
            org.assertj.core.api.Assertions.assertThat((Boolean) member.evaluate(
                    "() => [...document.querySelectorAll('img.comment-sticker-img, .reaction img')].every(i => i.complete && i.naturalWidth > 0)"))
                    .isTrue();
            member.click(".comment .reaction-bar button.reaction.like");
            assertThat(member.locator(".comment .reaction-bar button.reaction.like.mine .count")).hasText("1");
            loaded(member);
            screenshot(member, "stickers-05-comment-phone");

            owner.setViewportSize(1280, 900);
            owner.navigate(url("/c/" + slug + "/posts/" + post));
            assertThat(owner.locator("#reactions button.reaction.like .count")).hasText("1");
            // a sticker new on the post reaches the owner's open page as a button of its own, and the button works
            assertThat(owner.locator("#live")).hasAttribute("data-connected", "true");
            member.click("#reactions .reaction-picker summary");
            member.click("#reactions .reaction-picker button[title='哇']");
            assertThat(owner.locator("#reactions button.reaction.sticker[title='哇'] .count")).hasText("1");
            owner.click("#reactions button.reaction.sticker[title='哇']");
            assertThat(owner.locator("#reactions button.reaction.sticker.mine[title='哇'] .count")).hasText("2");
            loaded(owner);
            screenshot(owner, "stickers-06-post-desktop");
            owner.navigate(url("/c/" + slug + "/posts"));
            assertThat(owner.locator(".post-card .like-count")).hasText("赞 1");
            screenshot(owner, "stickers-07-feed-desktop");
        }
    }

    /** A round face sticker drawn in code: eyes, and a smile or an open mouth. */
    private static BufferedImage faceImage(Color color, boolean smile, boolean open, int wave) {
        var image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(color);
        g.fillOval(8, 8 + wave, 112, 112);
        g.setColor(new Color(30, 41, 59));
        g.fillOval(40, 46 + wave, 12, 16);
        g.fillOval(76, 46 + wave, 12, 16);
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (open) {
            g.fillOval(52, 76 + wave, 24, 26);
        } else if (smile) {
            g.drawArc(38, 56 + wave, 52, 40, 200, 140);
        } else {
            g.drawLine(46, 88 + wave, 82, 88 + wave);
        }
        g.dispose();
        return image;
    }

    private static byte[] face(Color color, boolean smile, boolean open) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(faceImage(color, smile, open, 0), "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Two frames, the face bobbing up and down: an animated GIF (ImageIO writes the frames as a sequence). */
    private static byte[] animatedFace(Color color) {
        try {
            var writer = ImageIO.getImageWritersByFormatName("gif").next();
            var out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(null);
                for (int wave : new int[] {-4, 4}) {
                    var frame = faceImage(color, true, false, wave);
                    var rgb = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
                    var g = rgb.createGraphics();
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, 128, 128);
                    g.drawImage(frame, 0, 0, null);
                    g.dispose();
                    writer.writeToSequence(new IIOImage(rgb, null, null), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
