package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;

/**
 * A sub-group's poll and leader election in the browser: the owner opens a poll for 上海组 on the form; a member of
 * the group finds it on the group's page, labelled 仅 上海组 可见, and votes; the group's leader election is linked
 * from the group's page and says it elects the group's leader; a member outside the group sees neither in the lists
 * and gets "not found" at the poll's address. Screenshots at phone and desktop width.
 */
class SubgroupPollBrowserTest extends BrowserTest {

    @Test
    void aGroupsMemberVotesInItsPollAndAnOutsiderDoesNotSeeIt() {
        try (var ownerContext = visitor(false); var memberContext = visitor(true); var outsiderContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "分群群主");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "sgp-");
            var member = memberContext.newPage();
            var memberAccount = signUp(memberContext, member, "上海的小王");
            join(memberContext.request(), memberAccount, slug);
            var outsider = outsiderContext.newPage();
            var outsiderAccount = signUp(outsiderContext, outsider, "北京的老李");
            join(outsiderContext.request(), outsiderAccount, slug);
            var api = ownerContext.request();
            var group = Api.read(api.post(url("/api/v1/communities/" + slug + "/subgroups"),
                    ownerAccount.auth().setData(Map.of("name", "上海组", "leaderId", memberAccount.id()))).text());
            long groupId = group.get("id").asLong();

            // the owner opens the poll for 上海组 from the group's page
            owner.navigate(url("/c/" + slug + "/groups/" + groupId));
            loaded(owner);
            shots(owner, "subgroup-poll-00-owner-group-page");
            owner.click("a[href='/c/" + slug + "/polls/new?subgroup=" + groupId + "']");
            owner.fill("input[name=question]", "上海组周末去哪跑？");
            owner.fill("textarea[name=options]", "世纪公园\n滨江大道");
            org.assertj.core.api.Assertions.assertThat(owner.locator("select[name=subgroupId]").inputValue())
                    .isEqualTo(String.valueOf(groupId));
            loaded(owner);
            shots(owner, "subgroup-poll-00-owner-form");
            owner.click("form.poll-form button[type=submit]");
            owner.waitForURL("**/c/" + slug + "/polls/*");
            var pollPath = owner.url().substring(owner.url().indexOf("/c/"));
            // and the group's leader election, through the API
            var now = OffsetDateTime.now();
            var opened = api.post(url("/api/v1/communities/" + slug + "/elections"), ownerAccount.auth().setData(Map.of(
                    "title", "上海组组长选举", "seats", 1, "minMemberDays", 0, "termDays", 180,
                    "votingOpensAt", now.plusDays(1).toString(), "votingClosesAt", now.plusDays(2).toString(),
                    "subgroupId", groupId)));
            org.assertj.core.api.Assertions.assertThat(opened.status()).isEqualTo(201);

            // the group's member finds both on the group's page, opens the poll and votes
            member.navigate(url("/c/" + slug + "/groups/" + groupId));
            assertThat(member.locator(".subgroup-scoped")).containsText("上海组周末去哪跑？");
            assertThat(member.locator(".subgroup-scoped")).containsText("上海组组长选举");
            loaded(member);
            shots(member, "subgroup-poll-01-group-page");
            member.click(".subgroup-scoped a[href='" + pollPath + "']");
            assertThat(member.locator(".mark.scope")).hasText("仅 上海组 可见");
            member.locator(".poll-ballot input[name=option]").first().check();
            loaded(member);
            shots(member, "subgroup-poll-02-ballot");
            member.click(".poll-ballot button[type=submit]");
            assertThat(member.locator(".flash")).isVisible();
            assertThat(member.locator(".poll-voted")).isVisible();
            assertThat(member.locator("#results")).containsText("世纪公园");
            loaded(member);
            shots(member, "subgroup-poll-03-voted");
            member.navigate(url("/c/" + slug + "/groups/" + groupId));
            member.click(".subgroup-scoped a:has-text('上海组组长选举')");
            assertThat(member.locator("#leader-election")).containsText("上海组");
            loaded(member);
            shots(member, "subgroup-poll-04-leader-election");

            // the member outside the group: not in the lists, not found at the poll's address
            outsider.navigate(url("/c/" + slug + "/polls"));
            assertThat(outsider.locator("main")).not().containsText("上海组周末去哪跑");
            outsider.navigate(url("/c/" + slug + "/elections"));
            assertThat(outsider.locator("main")).not().containsText("上海组组长选举");
            loaded(outsider);
            shots(outsider, "subgroup-poll-05-outsider-list");
            var response = outsider.navigate(url(pollPath));
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
            assertThat(outsider.locator("body")).not().containsText("上海组周末去哪跑");
            loaded(outsider);
            shots(outsider, "subgroup-poll-06-outsider-404");
        }
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
