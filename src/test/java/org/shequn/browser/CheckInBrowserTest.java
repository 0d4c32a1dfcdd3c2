package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.shequn.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A check-in challenge as a member lives it: the owner sets it up through the form, the member checks in three
 * mornings running (the clock moves a day at a time), misses the fourth, makes it up the next morning and checks
 * in, sees the streak of five and their place on the leaderboard; the owner reviews a check-in and the member sees
 * it. Screenshots of the challenge page at phone and desktop width.
 */
class CheckInBrowserTest extends BrowserTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestClock clock;

    void morningOf(int day) {
        var target = LocalDateTime.of(2026, 12, day, 7, 30).atZone(SHANGHAI).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
    }

    void checkIn(Page page, String text) {
        page.fill("form.checkin-form textarea[name=text]", text);
        page.click("button.checkin-submit");
        page.waitForLoadState();
        assertThat(page.locator(".flash")).containsText("打卡成功");
    }

    @Test
    void aMemberKeepsAStreakMakesUpAMissedDayAndTheOwnerReviews() {
        try (var ownerContext = visitor(false); var memberContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "晨跑群主");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "cb-");
            var member = memberContext.newPage();
            join(memberContext.request(), signUp(memberContext, member, "跑步的小林"), slug);
            morningOf(14);

            // the owner sets the challenge up from the 打卡 tab
            owner.navigate(url("/c/" + slug + "/posts"));
            owner.click(".community-tabs a[href='/c/" + slug + "/checkins']");
            owner.click("a[href='/c/" + slug + "/checkins/new']");
            owner.fill("input[name=title]", "21 天晨跑");
            owner.fill("textarea[name=rules]", "每天早上跑 **3 公里**，拍一张路上的照片。");
            owner.fill("input[name=startsOn]", "2026-12-14");
            owner.fill("input[name=endsOn]", "2026-12-31");
            owner.fill("input[name=onTimeUntil]", "09:00");
            owner.fill("input[name=makeUpQuota]", "1");
            owner.selectOption("select[name=makeUpPer]", "CHALLENGE");
            screenshot(owner, "checkin-01-form-desktop");
            owner.click("button.challenge-save");
            owner.waitForURL("**/c/" + slug + "/checkins/*");
            assertThat(owner.locator(".flash")).containsText("打卡挑战已发起");
            var challengePath = owner.url().substring(owner.url().indexOf("/c/"));

            // three mornings running
            for (int day = 14; day <= 16; day++) {
                morningOf(day);
                member.navigate(url(challengePath));
                checkIn(member, "第 " + (day - 13) + " 天，跑了 3 公里。");
            }
            assertThat(member.locator("#my-streak")).hasText("3");
            // the 17th passes without a check-in; on the 18th it shows as missed and is made up
            morningOf(18);
            member.navigate(url(challengePath));
            assertThat(member.locator("#my-streak")).hasText("0");
            assertThat(member.locator(".calendar-day.day-missed")).hasCount(1);
            member.click("details.makeup summary");
            member.selectOption("form.makeup-form select[name=date]", "2026-12-17");
            member.fill("form.makeup-form textarea[name=text]", "昨天加班，今天补上。");
            member.click("button.makeup-submit");
            member.waitForLoadState();
            assertThat(member.locator(".calendar-day.day-made_up")).hasCount(1);
            checkIn(member, "第 5 天，雨后空气很好。");
            assertThat(member.locator("#my-streak")).hasText("5");
            assertThat(member.locator("#my-days")).hasText("5");
            assertThat(member.locator("#leaderboard tr.me")).containsText("跑步的小林");
            assertThat(member.locator(".checkin-done")).isVisible();

            // the owner reviews today's check-in
            owner.navigate(url(challengePath));
            var entry = owner.locator(".checkin-entry").first();
            entry.locator("input[name=text]").fill("配速进步了，继续保持");
            entry.locator("button.review-submit").click();
            owner.waitForLoadState();
            assertThat(owner.locator(".flash")).containsText("点评已发表");
            screenshot(owner, "checkin-02-owner-desktop");
            noSideways(owner);

            member.reload();
            assertThat(member.locator(".checkin-review")).containsText("配速进步了");
            loaded(member);
            screenshot(member, "checkin-03-member-phone");
            noSideways(member);
            member.setViewportSize(1280, 900);
            member.reload();
            screenshot(member, "checkin-04-member-desktop");
            noSideways(member);
            member.navigate(url("/c/" + slug + "/posts"));
            assertThat(member.locator(".checkin-digest")).hasCount(1);
            assertThat(member.locator(".checkin-digest")).containsText("今日打卡 1 人");
            member.setViewportSize(390, 844);
            member.reload();
            screenshot(member, "checkin-05-feed-phone");
            noSideways(member);
        }
    }

    private static void noSideways(Page page) {
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as(page.url()).isTrue();
    }
}
