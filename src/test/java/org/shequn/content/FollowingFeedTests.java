package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** The following feed (关注): people I follow, communities I am in now, posts I may see, keyset paging. */
@IntegrationTest
class FollowingFeedTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static List<Long> ids(JsonNode page) {
        var ids = new ArrayList<Long>();
        page.get("items").forEach(item -> ids.add(item.get("post").get("id").asLong()));
        return ids;
    }

    JsonNode following(Api api, Api.User who) throws Exception {
        return Api.body(api.get(who, "/api/v1/feeds/following").andExpect(status().isOk()));
    }

    void follow(Api api, Api.User who, Api.User whom) throws Exception {
        api.put(who, "/api/v1/people/" + whom.id() + "/follow", null).andExpect(status().isNoContent());
    }

    @Test
    void postsByPeopleIFollowInMyCommunitiesThatICanSee() throws Exception {
        var api = new Api(mvc);
        var here = ContentFixture.create(api, jdbc);
        var elsewhere = ContentFixture.create(api, jdbc);
        var me = here.member();
        var followed = here.core();
        var blocker = here.admin();
        // followed is in both communities, I am only in "here"
        Members.add(jdbc, elsewhere.communityId(), followed.id(), "MEMBER");
        Members.add(jdbc, elsewhere.communityId(), blocker.id(), "MEMBER");
        assertThat(following(api, me).get("followsAnyone").asBoolean()).isFalse();
        follow(api, me, followed);
        follow(api, me, blocker);

        long mine = here.discussion(followed, "我关注的人在这里发的");
        long notMyCommunity = elsewhere.discussion(followed, "在我没加入的社群发的");
        long hidden = here.discussion(followed, "被隐藏的");
        here.api().put(here.owner(), here.base() + "/posts/" + hidden + "/hidden", null).andExpect(status().isNoContent());
        long deleted = here.discussion(followed, "被删除的");
        here.api().delete(followed, here.base() + "/posts/" + deleted).andExpect(status().isNoContent());
        long byBlocker = here.discussion(blocker, "拉黑我的人发的");
        here.discussion(here.owner(), "我没关注的人发的");

        var page = following(api, me);
        assertThat(ids(page)).containsExactly(byBlocker, mine);
        assertThat(page.get("items").get(1).get("slug").asString()).isEqualTo(here.slug());
        assertThat(page.get("items").get(1).get("post").get("authorName").asString()).isEqualTo("核心成员");
        assertThat(ids(page)).doesNotContain(notMyCommunity, hidden, deleted);

        api.put(blocker, "/api/v1/people/" + me.id() + "/block", null).andExpect(status().isNoContent());
        assertThat(ids(following(api, me))).containsExactly(mine);

        // joining the other community shows its posts; leaving mine hides them again
        Members.add(jdbc, elsewhere.communityId(), me.id(), "MEMBER");
        assertThat(ids(following(api, me))).containsExactly(notMyCommunity, mine);
        api.post(me, "/api/v1/communities/" + here.slug() + "/leave", null).andExpect(status().is2xxSuccessful());
        assertThat(ids(following(api, me))).containsExactly(notMyCommunity);

        mvc.perform(MockMvcRequestBuilders.get("/api/v1/feeds/following")).andExpect(status().isUnauthorized());
    }

    @Test
    void pagesAreCompleteWithoutDuplicatesAndThePageShowsThem() throws Exception {
        var api = new Api(mvc);
        var f = ContentFixture.create(api, jdbc);
        follow(api, f.member(), f.core());
        follow(api, f.member(), f.admin());
        var written = new ArrayList<Long>();
        for (int i = 0; i < 23; i++) {
            written.add(0, f.discussion(i % 3 == 0 ? f.admin() : f.core(), "第 " + i + " 篇"));
        }
        var first = following(api, f.member());
        var seen = new ArrayList<>(ids(first));
        assertThat(seen).hasSize(20);
        // a post written while I page does not shift the next page
        long late = f.discussion(f.core(), "翻页时新发的");
        var second = Api.body(api.get(f.member(), "/api/v1/feeds/following?cursor=" + first.get("next").asString())
                .andExpect(status().isOk()));
        seen.addAll(ids(second));
        assertThat(second.get("next") == null || second.get("next").isNull()).isTrue();
        assertThat(seen).containsExactlyElementsOf(written);
        assertThat(ids(following(api, f.member())).getFirst()).isEqualTo(late);
        api.get(f.member(), "/api/v1/feeds/following?cursor=%%%").andExpect(status().isBadRequest());

        var web = new org.shequn.WebSession(mvc);
        web.register("没关注任何人");
        web.get("/following").andExpect(status().isOk()).andExpect(content().string(
                org.hamcrest.Matchers.containsString("你还没有关注任何人")));
    }
}
