package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;

/**
 * A sub-group's own feed as its members and others live it: a member of 上海组 writes from the group's page (the
 * editor offers the group already chosen), the post is labelled 仅 上海组 可见 in the community's feed and shows in the
 * group's feed; a member of no group does not find it in the feed, gets the not-found page for its link and sees the
 * group's member list without its feed; the owner sees it. Screenshots of the group's page at phone and desktop width.
 */
class SubgroupBrowserTest extends BrowserTest {

    @Test
    void aGroupsPostStaysInTheGroupAndItsFeed() {
        try (var ownerContext = visitor(false); var memberContext = visitor(true); var otherContext = visitor(false)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "跑团团长");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "sgb-");
            var member = memberContext.newPage();
            var memberAccount = signUp(memberContext, member, "上海的小林");
            join(memberContext.request(), memberAccount, slug);
            var other = otherContext.newPage();
            join(otherContext.request(), signUp(otherContext, other, "北京的小周"), slug);

            var subgroups = url("/api/v1/communities/" + slug + "/subgroups");
            var created = ownerContext.request().post(subgroups, ownerAccount.auth()
                    .setData(Map.of("name", "上海组", "basis", "城市：上海", "leaderId", memberAccount.id())));
            org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
            long group = Api.read(created.text()).get("id").asLong();
            // the leader is in the group from the start
            var groupPage = "/c/" + slug + "/groups/" + group;

            // the member writes from the group's page: the editor has the group chosen
            member.navigate(url(groupPage));
            member.click("#group-feed a.button");
            assertThat(member.locator("select[name=subgroupId]")).hasValue(String.valueOf(group));
            member.fill("input[name=title]", "上海组周六约跑");
            member.fill("textarea[name=body]", "周六早上 7 点，世纪公园 **5 公里**，跑完一起吃早饭。");
            member.click("form.post-editor button[type=submit]");
            member.waitForURL("**/posts/*");
            assertThat(member.locator(".mark.scope")).hasText("仅 上海组 可见");
            var postPath = member.url().substring(member.url().indexOf("/c/"));

            member.navigate(url("/c/" + slug + "/posts"));
            assertThat(member.locator(".post-card", new com.microsoft.playwright.Page.LocatorOptions()
                    .setHasText("上海组周六约跑")).locator(".mark.scope")).hasText("仅 上海组 可见");
            member.navigate(url(groupPage));
            assertThat(member.locator("#group-feed .post-card")).hasCount(1);
            assertThat(member.locator("#group-feed")).containsText("上海组周六约跑");
            loaded(member);
            screenshot(member, "subgroup-01-group-feed-phone");

            // a member of no group: not in the feed, not found by its link, the group without its feed
            other.navigate(url("/c/" + slug + "/posts"));
            assertThat(other.locator("main")).not().containsText("上海组周六约跑");
            var response = other.navigate(url(postPath));
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
            other.navigate(url(groupPage));
            assertThat(other.locator(".subgroup-members")).containsText("上海的小林");
            assertThat(other.locator("#group-feed")).hasCount(0);

            // the owner runs the community and sees the group's feed
            owner.navigate(url(groupPage));
            assertThat(owner.locator("#group-feed")).containsText("上海组周六约跑");
            loaded(owner);
            screenshot(owner, "subgroup-02-group-feed-desktop");
            org.assertj.core.api.Assertions.assertThat(ownerContext.request().get(url("/api/v1/communities/" + slug
                    + "/subgroups/" + group + "/posts"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + ownerAccount.token())).status()).isEqualTo(200);
        }
    }
}
