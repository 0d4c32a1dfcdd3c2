package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.shequn.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An event with 2 seats (issue 14, test b): the owner creates it through the form, three members register, the
 * third waits; one cancels, the one waiting is promoted and sees it in the inbox and on the event page with a
 * ticket; at the door the owner opens the ticket link and sees green (已签到), then red (已使用) for the same link.
 * Screenshots at 390 and 1280 px.
 */
class EventBrowserTest extends BrowserTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFullEventPromotesTheWaitingMemberAndTheDoorShowsGreenThenRed() {
        try (var ownerContext = visitor(false); var aContext = visitor(true); var bContext = visitor(true);
             var cContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "活动群主");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "evb-");
            var a = aContext.newPage();
            join(aContext.request(), signUp(aContext, a, "成员甲"), slug);
            var b = bContext.newPage();
            var bAccount = signUp(bContext, b, "成员乙");
            join(bContext.request(), bAccount, slug);
            var c = cContext.newPage();
            var cAccount = signUp(cContext, c, "成员丙");
            join(cContext.request(), cAccount, slug);

            // the owner creates it from the community's 活动 tab
            owner.navigate(url("/c/" + slug + "/posts"));
            owner.click("nav.community-tabs a[href='/c/" + slug + "/events']");
            owner.click("a[href='/c/" + slug + "/events/new']");
            var start = LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusMinutes(10);
            owner.fill("input[name=title]", "周六城市夜跑");
            owner.fill("textarea[name=description]", "从**人民广场**出发，5 公里，配速随意。");
            owner.fill("input[name=start]", LOCAL.format(start));
            owner.fill("input[name=end]", LOCAL.format(start.plusHours(2)));
            owner.fill("input[name=place]", "上海市黄浦区人民广场 1 号口");
            owner.fill("input[name=capacity]", "2");
            loaded(owner);
            screenshot(owner, "event-01-form-desktop");
            owner.click("form.event-form button[type=submit]");
            owner.waitForURL("**/c/" + slug + "/events/*");
            assertThat(owner.locator(".flash")).containsText("活动已发布");
            var eventPath = owner.url().substring(owner.url().indexOf("/c/"));
            long eventId = Long.parseLong(eventPath.substring(eventPath.lastIndexOf('/') + 1));

            // three register: the third waits
            register(a, eventPath);
            assertThat(a.locator(".event-mine")).containsText("已报名");
            register(b, eventPath);
            register(c, eventPath);
            assertThat(c.locator(".event-mine")).containsText("候补中");
            assertThat(c.locator(".waitlist-position")).containsText("第 1 位");
            loaded(c);
            screenshot(c, "event-02-waitlisted-phone");
            noSideways(c);

            // 甲 cancels (after the page asks): 丙 takes the seat and is told
            a.navigate(url(eventPath));
            a.locator("button.unregister").click();
            a.locator("dialog.confirm button[value=yes]").click();
            a.waitForLoadState();
            assertThat(a.locator(".flash")).containsText("已取消报名");
            inboxUntil(c, "你已从候补转为");
            loaded(c);
            screenshot(c, "event-03-promoted-inbox-phone");
            c.navigate(url(eventPath));
            assertThat(c.locator(".event-mine")).containsText("已报名");
            assertThat(c.locator("img.ticket-qr")).isVisible();
            loaded(c);
            screenshot(c, "event-04-ticket-phone");
            noSideways(c);

            // the list at both widths
            owner.navigate(url("/c/" + slug + "/events"));
            assertThat(owner.locator("#upcoming")).containsText("已报名 2 / 2 人");
            loaded(owner);
            screenshot(owner, "event-05-list-desktop");
            owner.setViewportSize(390, 844);
            owner.reload();
            loaded(owner);
            screenshot(owner, "event-06-list-phone");
            noSideways(owner);

            // at the door, once it has started: the owner opens the guest list, then 丙's ticket link
            clock.advance(Duration.ofMinutes(25));
            owner.navigate(url(eventPath + "/registrations"));
            assertThat(owner.locator(".event-counts")).containsText("已报名 2");
            var ticket = "/tickets/" + jdbc.sql("select ticket from event_registrations where event_id = ? and account_id = ?")
                    .params(eventId, cAccount.id()).query(String.class).single();
            owner.navigate(url(ticket));
            assertThat(owner.locator("#door.door-green")).containsText("已签到");
            assertThat(owner.locator("#door")).containsText("成员丙");
            screenshot(owner, "event-07-door-green-phone");
            noSideways(owner);
            owner.reload();
            assertThat(owner.locator("#door.door-red")).containsText("已使用");
            assertThat(owner.locator("#door")).containsText("由 活动群主 签到");
            screenshot(owner, "event-08-door-red-phone");
            owner.setViewportSize(1280, 900);
            owner.reload();
            assertThat(owner.locator("#door.door-red")).isVisible();
            screenshot(owner, "event-09-door-red-desktop");
            // 乙's ticket at desktop width: green for the first time
            var bTicket = "/tickets/" + jdbc.sql("select ticket from event_registrations where event_id = ? and account_id = ?")
                    .params(eventId, bAccount.id()).query(String.class).single();
            owner.navigate(url(bTicket));
            assertThat(owner.locator("#door.door-green")).isVisible();
            screenshot(owner, "event-10-door-green-desktop");
            owner.navigate(url(eventPath + "/registrations"));
            assertThat(owner.locator(".event-counts")).containsText("已签到 2");
            loaded(owner);
            screenshot(owner, "event-11-guests-desktop");
            owner.setViewportSize(390, 844);
            owner.reload();
            screenshot(owner, "event-12-guests-phone");
            noSideways(owner);
        }
    }

    private void register(Page page, String eventPath) {
        page.navigate(url(eventPath));
        page.click("button.register");
        page.waitForURL("**" + eventPath);
    }

    /** The inbox fills after the cancelling transaction commits: reload until the notification is there. */
    private void inboxUntil(Page page, String text) {
        for (int i = 0; i < 60; i++) {
            page.navigate(url("/notifications"));
            if (page.content().contains(text)) {
                return;
            }
            page.waitForTimeout(500);
        }
        assertThat(page.locator("body")).containsText(text);
    }

    private static void noSideways(Page page) {
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as(page.url()).isTrue();
    }
}
