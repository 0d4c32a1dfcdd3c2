package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;

/** The owner adds a section, writes a post with live preview, a member comments: at phone width. */
class ContentBrowserTest extends BrowserTest {

    @Test
    void ownerWritesAPostWithLivePreviewAndAMemberReplies() {
        try (var context = visitor(true)) {
            var page = context.newPage();
            var slug = createCommunity(context.request(), signUp(context, page, "内容群主"),
                    CommunityFixtures.settings(Api.unique("cb-")));

            page.navigate(url("/c/" + slug));
            page.click(".community-tabs a[href='/c/" + slug + "/posts']");
            page.waitForURL("**/c/" + slug + "/posts");
            // sections are managed from the 管理 tab, which opens on the to-do centre
            page.click(".community-tabs a[href='/c/" + slug + "/todo']");
            page.click(".manage-nav a[href='/c/" + slug + "/sections']");
            page.fill("form[action='/c/" + slug + "/sections'] input[name=name]", "读书笔记");
            page.fill("form[action='/c/" + slug + "/sections'] input[name=description]", "每月一本书的笔记");
            page.selectOption("form[action='/c/" + slug + "/sections'] select[name=icon]", "book");
            page.click("form[action='/c/" + slug + "/sections'] button[type=submit]");
            assertThat(page.locator(".section-admin li")).hasCount(1);
            screenshot(page, "content-01-sections-phone");

            page.navigate(url("/c/" + slug + "/posts/new"));
            page.selectOption("select[name=kind]", "ARTICLE");
            page.fill("input[name=title]", "《增长黑客》读书笔记");
            page.locator("textarea[name=body]").pressSequentially("## 第一章\n\n**增长**来自[产品](https://example.com)本身。");
            assertThat(page.locator("#preview h2")).hasText("第一章");
            page.fill("input[name=tags]", "读书, 增长");
            screenshot(page, "content-02-editor-phone");
            page.click("form.post-editor button[type=submit]");
            page.waitForURL("**/posts/*");
            assertThat(page.locator(".post-body strong")).hasText("增长");
            page.fill("form.comment-form textarea[name=body]", "写得好，**期待下一章**");
            page.click("form.comment-form button[type=submit]");
            // on a loaded machine the post-redirect-get round trip can take longer than an assertion's 5 s
            page.waitForURL("**#comment-*");
            assertThat(page.locator(".comment")).hasCount(1);
            page.locator(".reply-box summary").first().click();
            page.locator(".reply-box textarea").first().fill("自己补充一句");
            page.locator(".reply-box button").first().click();
            assertThat(page.locator(".comment.reply")).hasCount(1);
            page.click("text=置顶");
            // the pin posts and redirects: screenshot the page it lands on, not the one being left
            assertThat(page.locator(".post-marks .mark.pin")).isVisible();
            screenshot(page, "content-03-post-phone");
            page.navigate(url("/c/" + slug + "/posts"));
            assertThat(page.locator(".post-card.pinned")).hasCount(1);
            screenshot(page, "content-04-feed-phone");
        }
    }
}
