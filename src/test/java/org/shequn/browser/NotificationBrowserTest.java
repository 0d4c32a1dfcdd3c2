package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.Members;
import org.shequn.reaction.ReactionAdded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A member opens the inbox at phone width, follows a reply to its comment, and saves notification settings. */
class NotificationBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theInboxLeadsToTheReplyAndThePreferencesFormSaves() {
        try (var context = visitor(true)) {
            var page = context.newPage();
            var me = signUp(context, page, "收件人");
            var slug = createCommunity(context.request(), me, CommunityFixtures.settings(Api.unique("nb-")));
            long postId = post(context.request(), me, slug,
                    Map.of("kind", "DISCUSSION", "title", "本周读书分享", "body", "大家来聊聊"));

            var friend = registerThroughApi(context.request(), "王五");
            long communityId = jdbc.sql("select id from communities where slug = ?").param(slug).query(Long.class).single();
            Members.add(jdbc, communityId, friend.id(), "MEMBER");
            var comment = context.request().post(url("/api/v1/communities/" + slug + "/posts/" + postId + "/comments"),
                    friend.auth().setData(Map.of("body", "我来分享一本书")));
            org.assertj.core.api.Assertions.assertThat(comment.status()).isEqualTo(201);
            long commentId = Long.parseLong(comment.headers().get("x-comment-id"));
            context.request().put(url("/api/v1/people/" + me.id() + "/follow"), friend.auth());
            transactions.executeWithoutResult(t -> events.publishEvent(
                    new ReactionAdded(communityId, postId, null, me.id(), friend.id(), "like")));

            page.navigate(url("/notifications"));
            for (int i = 0; i < 60 && page.locator(".notification").count() < 3; i++) {
                page.waitForTimeout(1000);
                page.reload();
            }
            assertThat(page.locator(".notification.unread")).hasCount(3);
            assertThat(page.locator("header .unread-count")).hasText("3");
            screenshot(page, "notification-01-inbox-phone");

            page.locator(".notification[data-kind=REPLY] a.notice-text").click();
            page.waitForURL("**/c/" + slug + "/posts/" + postId + "#comment-" + commentId);
            assertThat(page.locator("#comment-" + commentId)).isVisible();
            page.navigate(url("/notifications"));
            assertThat(page.locator(".notification.unread")).hasCount(2);
            assertThat(page.locator(".notification[data-kind=REPLY]")).not().hasClass(java.util.regex.Pattern.compile(".*unread.*"));
            page.locator(".notification[data-kind=FOLLOWED] .notice-read button").click();
            assertThat(page.locator(".notification.unread")).hasCount(1);

            page.click("a[href='/notifications/settings']");
            page.waitForURL("**/notifications/settings");
            assertThat(page.locator("#email-MENTIONED")).isChecked();
            page.uncheck("#inApp-REACTION");
            page.check("#email-REPLY");
            page.uncheck("#digest");
            page.click("form.notification-settings button[type=submit]");
            page.waitForURL("**/notifications/settings?saved");
            assertThat(page.locator(".alert.ok")).isVisible();
            assertThat(page.locator("#inApp-REACTION")).not().isChecked();
            assertThat(page.locator("#email-REPLY")).isChecked();
            assertThat(page.locator("#digest")).not().isChecked();
            screenshot(page, "notification-02-settings-phone");
        }
        try (var context = visitor(false)) {
            var page = context.newPage();
            page.navigate(url("/notifications"));
            page.waitForURL("**/login**");
        }
    }
}
