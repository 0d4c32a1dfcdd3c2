package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * An assignment as its people live it: the owner sets it from the 作业 tab, a member hands in a text with a picture
 * and a file on a phone, the owner sees who has not handed in, scores, comments and features it, and the member sees
 * the score and comment. Screenshots at phone (390 px) and desktop (1280 px) width.
 */
class AssignmentBrowserTest extends BrowserTest {

    @Test
    void theOwnerSetsAnAssignmentAMemberHandsInAndSeesTheScore() throws Exception {
        try (var ownerContext = visitor(false); var memberContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "读书会群主");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "ab-");
            var member = memberContext.newPage();
            join(memberContext.request(), signUp(memberContext, member, "爱读书的小周"), slug);

            owner.navigate(url("/c/" + slug + "/posts"));
            owner.click(".community-tabs a[href='/c/" + slug + "/assignments']");
            owner.click("a[href='/c/" + slug + "/assignments/new']");
            owner.fill("input[name=title]", "《启示录》第一章读后感");
            owner.fill("textarea[name=description]", "读完第一章，写 **500 字**读后感：\n\n- 产品经理做什么\n- 你最认同的一点");
            var due = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).withHour(20).withMinute(0).withSecond(0).withNano(0);
            owner.fill("input[name=dueAt]", due.toString().substring(0, 16));
            owner.fill("input[name=remindHoursBefore]", "12");
            screenshot(owner, "assignment-01-form-desktop");
            owner.click("button.assignment-save");
            owner.waitForURL("**/c/" + slug + "/assignments/*");
            assertThat(owner.locator(".flash")).containsText("作业已布置");
            var path = owner.url().substring(owner.url().indexOf("/c/"));

            // the member hands in on a phone: text, a picture and a file
            member.navigate(url("/c/" + slug + "/assignments"));
            assertThat(member.locator(".assignment-card")).containsText("还剩");
            member.click(".assignment-card a");
            loaded(member);
            member.fill("form.submission-form textarea[name=text]", "产品经理要发现**值得做**的产品。我最认同：先验证，再开发。");
            member.setInputFiles("form.submission-form input[name=images]", new FilePayload[] {
                    new FilePayload("笔记.png", "image/png", png(new Color(37, 99, 235)))});
            member.setInputFiles("form.submission-form input[name=file]",
                    new FilePayload("读后感.txt", "text/plain", "第一章读后感全文".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            member.click("button.submission-submit");
            member.waitForLoadState();
            assertThat(member.locator(".flash")).containsText("作业已提交");
            assertThat(member.locator("#my-submission .checkin-images img")).hasCount(1);
            assertThat(member.locator("#my-submission .submission-file")).containsText("读后感.txt");
            loaded(member);
            screenshot(member, "assignment-02-handed-in-phone");
            noSideways(member);

            // the owner: who has handed in and who has not, then the score, a comment and the feature
            owner.navigate(url(path));
            assertThat(owner.locator(".roster-counts")).containsText("1 人已交 · 1 人未交");
            assertThat(owner.locator(".roster-list.missing")).containsText("读书会群主");
            var entry = owner.locator("#submissions .submission").first();
            entry.locator("input[name=score]").fill("92");
            entry.locator("input[name=comment]").fill("抓住了重点，例子再具体一点更好");
            entry.locator("button.review-submit").click();
            owner.waitForLoadState();
            assertThat(owner.locator(".flash")).containsText("点评已保存");
            owner.locator("#submissions .submission").first().locator("button.feature-submit").click();
            owner.waitForLoadState();
            assertThat(owner.locator(".flash")).containsText("已设为精选");
            loaded(owner);
            screenshot(owner, "assignment-03-owner-desktop");
            noSideways(owner);
            owner.setViewportSize(390, 844);
            owner.reload();
            loaded(owner);
            screenshot(owner, "assignment-04-owner-phone");
            noSideways(owner);

            // the member sees the score and the comment, and the submission among the featured
            member.reload();
            assertThat(member.locator("#my-submission .submission-score")).containsText("92 / 100");
            assertThat(member.locator("#my-submission .submission-comment")).containsText("抓住了重点");
            assertThat(member.locator(".assignment-featured")).containsText("爱读书的小周");
            assertThat(member.locator("form.submission-form")).hasCount(0);
            loaded(member);
            screenshot(member, "assignment-05-scored-phone");
            noSideways(member);
            member.setViewportSize(1280, 900);
            member.reload();
            loaded(member);
            screenshot(member, "assignment-06-scored-desktop");
            noSideways(member);
        }
    }

    private static byte[] png(Color color) throws Exception {
        var image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.WHITE);
        g.fillOval(110, 50, 100, 100);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void noSideways(Page page) {
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as(page.url()).isTrue();
    }
}
