package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An election from nomination to result (issue 14, test c): the owner opens it through the form; a member
 * nominates herself on the page, the owner nominates another member who accepts; the clock moves into voting and
 * the member casts her approval ballot on the page and is shown her receipt once; the clock moves past the close
 * and the page shows the elected, each round's loads and every ballot by receipt; the members page shows the
 * winners as core members. Screenshots of each phase at phone and desktop width.
 */
class ElectionBrowserTest extends BrowserTest {

    @Autowired
    TestClock clock;

    @Test
    void anElectionFromNominationToResultMakesTheWinnersCoreMembers() {
        try (var ownerContext = visitor(false); var memberContext = visitor(true); var otherContext = visitor(false)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "选举群主");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "eb-");
            var member = memberContext.newPage();
            var memberAccount = signUp(memberContext, member, "李想");
            join(memberContext.request(), memberAccount, slug);
            var other = otherContext.newPage();
            var otherAccount = signUp(otherContext, other, "周到");
            join(otherContext.request(), otherAccount, slug);
            var api = ownerContext.request();

            // the owner opens the election from the 投票 tab, keeping the form's times (voting in 7 days, closing in 10)
            owner.navigate(url("/c/" + slug + "/posts"));
            owner.click(".community-tabs a[href='/c/" + slug + "/polls']");
            owner.click(".voting-nav a[href='/c/" + slug + "/elections']");
            owner.click("a[href='/c/" + slug + "/elections/new']");
            owner.fill("input[name=title]", "第一届骨干选举");
            owner.fill("textarea[name=details]", "选出两位骨干：一位负责选书，一位负责线下活动。");
            owner.fill("input[name=seats]", "2");
            owner.fill("input[name=minMemberDays]", "0");
            owner.fill("input[name=termDays]", "90");
            owner.click("form.election-form button[type=submit]");
            owner.waitForURL("**/c/" + slug + "/elections/*");
            assertThat(owner.locator(".flash")).containsText("提名开始");
            var electionPath = owner.url().substring(owner.url().indexOf("/c/"));
            long electionId = Long.parseLong(electionPath.substring(electionPath.lastIndexOf('/') + 1));

            // the member nominates herself with a statement; the owner nominates 周到, who accepts
            member.navigate(url(electionPath));
            assertThat(member.locator(".election-phase")).hasText("提名中");
            member.fill("#nominate textarea[name=statement]", "我每月读四本书，愿意帮大家选书、整理读书笔记。");
            member.click("#nominate button[type=submit]");
            assertThat(member.locator(".flash")).containsText("提名已提交");
            owner.reload();
            owner.selectOption("#nominate select[name=accountId]", String.valueOf(otherAccount.id()));
            owner.fill("#nominate textarea[name=statement]", "周到组织过三次线下读书会，很靠谱。");
            owner.click("#nominate button[type=submit]");
            other.navigate(url(electionPath));
            other.fill(".candidate textarea[name=statement]", "谢谢提名！我来负责线下活动。");
            other.click("button.accept-nomination");
            assertThat(other.locator(".flash")).containsText("你已接受提名");
            member.reload();
            assertThat(member.locator(".candidate")).hasCount(2);
            loaded(member);
            shots(member, "election-01-nomination");

            // voting opens: the member ticks both and votes; her receipt is shown this once
            clock.advance(Duration.ofDays(7).plusMinutes(5));
            member.reload();
            assertThat(member.locator(".election-phase")).hasText("投票中");
            member.locator("#vote input[type=checkbox]").first().check();
            member.locator("#vote input[type=checkbox]").nth(1).check();
            loaded(member);
            shots(member, "election-02-voting");
            member.click("#vote button[type=submit]");
            assertThat(member.locator(".flash")).containsText("你的回执码");
            var flash = member.locator(".flash").innerText();
            var receipt = flash.replaceAll("(?s).*回执码：([2-9A-Z]{12}).*", "$1");
            org.assertj.core.api.Assertions.assertThat(receipt).hasSize(12);
            loaded(member);
            shots(member, "election-03-receipt");
            member.reload();
            assertThat(member.locator("#vote")).containsText("你已经投过票了");
            org.assertj.core.api.Assertions.assertThat(member.content()).doesNotContain(receipt);
            // the other two vote through the API: the owner for the member, 周到 for himself
            var candidates = Api.read(api.get(url("/api/v1/communities/" + slug + "/elections/" + electionId),
                    ownerAccount.auth()).text()).get("candidates");
            long mine = candidates.get(0).get("id").asLong();
            long his = candidates.get(1).get("id").asLong();
            vote(ownerContext.request(), ownerAccount, slug, electionId, List.of(mine));
            vote(otherContext.request(), otherAccount, slug, electionId, List.of(his));

            // voting closes: the result with its rounds and every ballot; the member finds hers by its receipt
            clock.advance(Duration.ofDays(3));
            // a navigation to the same page with only a fragment would not reload it: reload, then jump to the ballot
            member.reload();
            member.evaluate("r => { location.hash = 'ballot-' + r; }", receipt);
            assertThat(member.locator(".election-phase")).hasText("已公布结果");
            assertThat(member.locator(".elected-list li")).hasCount(2);
            assertThat(member.locator(".elected-list li").first()).containsText("李想");
            assertThat(member.locator(".election-round")).hasCount(2);
            assertThat(member.locator("#round-1")).containsText("1/2");
            assertThat(member.locator(".ballot-list li")).hasCount(3);
            assertThat(member.locator("#ballot-" + receipt)).containsText("李想");
            assertThat(member.locator("#ballot-" + receipt)).containsText("周到");
            loaded(member);
            shots(member, "election-04-result");

            // the winners are core members on the members page (the directory follows the role change)
            for (int i = 0; i < 60; i++) {
                member.navigate(url("/c/" + slug + "/members"));
                if (member.locator(".badge.role", new Page.LocatorOptions().setHasText("骨干")).count() >= 2) {
                    break;
                }
                member.waitForTimeout(500);
            }
            assertThat(member.locator(".badge.role", new Page.LocatorOptions().setHasText("骨干"))).hasCount(2);
            loaded(member);
            shots(member, "election-05-members");
        }
    }

    private void vote(com.microsoft.playwright.APIRequestContext request, Account voter, String slug, long election,
                      List<Long> candidates) {
        var response = request.post(url("/api/v1/communities/" + slug + "/elections/" + election + "/ballots"),
                voter.auth().setData(Map.of("candidates", candidates)));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(201);
    }

    /** The page at phone width, then at desktop width; neither scrolls sideways. */
    private static void shots(Page page, String name) {
        page.setViewportSize(390, 844);
        screenshot(page, name + "-phone");
        noSideways(page);
        page.setViewportSize(1280, 900);
        screenshot(page, name + "-desktop");
        noSideways(page);
        page.setViewportSize(390, 844);
    }

    private static void noSideways(Page page) {
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as(page.url()).isTrue();
    }
}
