package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * An announcement read by one member and not another, as the owner sees it: the owner publishes through the form,
 * member 甲 presses 我知道了 on the feed (it leaves 甲's feed), member 乙 leaves it; the owner's page lists 甲 under
 * 已读 and 乙 under 未读, and the one reminder goes out. Screenshots of the feed, the list and the receipts at
 * phone and desktop width.
 */
class AnnouncementBrowserTest extends BrowserTest {

    @Test
    void theOwnerSeesWhoHasReadTheAnnouncementAndWhoHasNot() {
        try (var ownerContext = visitor(false); var aContext = visitor(true); var bContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "公告群主");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "ab-");
            var a = aContext.newPage();
            join(aContext.request(), signUp(aContext, a, "成员甲"), slug);
            var b = bContext.newPage();
            join(bContext.request(), signUp(bContext, b, "成员乙"), slug);

            // the owner publishes from the 管理 page's button
            owner.navigate(url("/c/" + slug + "/manage"));
            owner.click("a[href='/c/" + slug + "/announcements/new']");
            owner.fill("input[name=title]", "周六读书会改到下午三点");
            owner.fill("textarea[name=body]", "地点不变，仍在**三楼会议室**。\n\n- 带上本月的书\n- 提前十分钟到");
            owner.click("form.announcement-form button[type=submit]");
            owner.waitForURL("**/c/" + slug + "/announcements/*");
            assertThat(owner.locator(".flash")).containsText("公告已发布");
            var announcementPath = owner.url().substring(owner.url().indexOf("/c/"));

            // 甲 sees it on top of the feed and presses 我知道了: it leaves 甲's feed, for good
            a.navigate(url("/c/" + slug + "/posts"));
            var onTop = a.locator(".announcements-top .announcement");
            assertThat(onTop).hasCount(1);
            assertThat(onTop).containsText("周六读书会改到下午三点");
            loaded(a);
            screenshot(a, "announcement-01-feed-phone");
            noSideways(a);
            onTop.locator("button.mark-read").click();
            assertThat(a.locator(".announcements-top .announcement")).hasCount(0);
            a.reload();
            assertThat(a.locator(".announcements-top .announcement")).hasCount(0);

            // 乙 does not read it: still on top of 乙's feed, and unread on 乙's list
            b.navigate(url("/c/" + slug + "/posts"));
            assertThat(b.locator(".announcements-top .announcement")).hasCount(1);
            b.setViewportSize(1280, 900);
            b.reload();
            loaded(b);
            screenshot(b, "announcement-02-feed-desktop");
            noSideways(b);
            b.navigate(url("/c/" + slug + "/announcements"));
            assertThat(b.locator(".announcement-list .announcement.unread")).hasCount(1);
            screenshot(b, "announcement-03-list-desktop");
            b.setViewportSize(390, 844);
            b.reload();
            screenshot(b, "announcement-04-list-phone");
            noSideways(b);

            // the owner's page: 甲 under 已读, 乙 under 未读
            owner.navigate(url(announcementPath));
            assertThat(owner.locator(".receipt-counts")).containsText("已读 2");
            assertThat(owner.locator(".receipt-counts")).containsText("未读 1");
            assertThat(owner.locator("#readers")).containsText("成员甲");
            assertThat(owner.locator("#readers")).not().containsText("成员乙");
            assertThat(owner.locator("#unread")).containsText("成员乙");
            assertThat(owner.locator("#unread")).not().containsText("成员甲");
            loaded(owner);
            screenshot(owner, "announcement-05-receipts-desktop");
            noSideways(owner);

            // one reminder, after the page asks
            owner.locator("button.remind-button").click();
            var dialog = owner.locator("dialog.confirm");
            assertThat(dialog).containsText("1");
            dialog.locator("button[value=yes]").click();
            owner.waitForLoadState();
            assertThat(owner.locator(".flash")).containsText("已提醒 1 位未读成员");
            assertThat(owner.locator(".reminded")).isVisible();
            assertThat(owner.locator("button.remind-button")).hasCount(0);
            owner.setViewportSize(390, 844);
            owner.reload();
            loaded(owner);
            screenshot(owner, "announcement-06-receipts-phone");
            noSideways(owner);
        }
    }

    /** The page fits its width: nothing scrolls sideways. */
    private static void noSideways(Page page) {
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as(page.url()).isTrue();
    }
}
