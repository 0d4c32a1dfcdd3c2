package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PostTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void authorEditsAPostAndEveryVersionIsKept() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long id = f.post(f.member(), Api.obj("kind", "QUESTION", "title", "怎么做社群运营？", "body", "第一版",
                "tags", List.of("运营", "新手")));
        var path = f.base() + "/posts/" + id;
        f.api().put(f.member(), path, Api.obj("kind", "QUESTION", "title", "如何做好社群运营？", "body", "**第二版**"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.edited").value(true))
                .andExpect(jsonPath("$.bodyHtml").value("<p><strong>第二版</strong></p>\n"));
        f.api().put(f.admin(), path, Api.obj("kind", "QUESTION", "title", "x", "body", "y")).andExpect(status().isForbidden());
        f.api().get(f.member(), path + "/history").andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.length()").value(2))
                .andExpect(jsonPath("$.versions[0].body").value("第一版"))
                .andExpect(jsonPath("$.versions[0].tags[1]").value("新手"))
                .andExpect(jsonPath("$.versions[1].current").value(true));
        f.api().get(f.admin(), path + "/history").andExpect(status().isOk());
        f.api().get(f.owner(), path + "/history").andExpect(status().isOk());
        f.api().get(f.core(), path + "/history").andExpect(status().isForbidden());
    }

    @Test
    void deletedPostsDisappearButStayForModeration() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long mine = f.discussion(f.member(), "我的帖子");
        long other = f.discussion(f.core(), "别人的帖子");
        f.api().delete(f.member(), f.base() + "/posts/" + other).andExpect(status().isForbidden());
        f.api().delete(f.member(), f.base() + "/posts/" + mine).andExpect(status().isNoContent());
        f.api().delete(f.admin(), f.base() + "/posts/" + other).andExpect(status().isNoContent());
        f.api().get(f.member(), f.base() + "/posts/" + mine).andExpect(status().isNotFound());
        f.api().get(f.member(), f.base() + "/posts").andExpect(jsonPath("$.items.length()").value(0));
        assertThat(jdbc.sql("select count(*) from posts where community_id = ? and deleted_at is not null")
                .param(f.communityId()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aClientPreferringAMinimalReturnGetsOnlyTheNewCommentsId() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.member(), "讨论");
        var comments = f.base() + "/posts/" + post + "/comments";
        var minimal = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(comments)
                        .header("Authorization", "Bearer " + f.core().token()).header("Prefer", "return=minimal")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"简短\"}"))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Preference-Applied", "return=minimal"))
                .andReturn().getResponse();
        assertThat(minimal.getContentAsString()).isEmpty();
        long id = Long.parseLong(minimal.getHeader("X-Comment-Id"));
        // without the preference the answer is the post as it now reads
        f.api().post(f.member(), comments, Api.obj("body", "完整")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.comments[0].id").value(id))
                .andExpect(jsonPath("$.comments[1].bodyHtml").value("<p>完整</p>\n"));
    }

    @Test
    void commentsNestTwoLevelsAndRepliesToRepliesJoinTheThread() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.member(), "讨论");
        var comments = f.base() + "/posts/" + post + "/comments";
        long top = Long.parseLong(f.api().post(f.core(), comments, Api.obj("body", "第一条")).andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("X-Comment-Id"));
        long reply = Long.parseLong(f.api().post(f.member(), comments, Api.obj("body", "回复", "parentId", top))
                .andReturn().getResponse().getHeader("X-Comment-Id"));
        f.api().post(f.owner(), comments, Api.obj("body", "回复的回复", "parentId", reply)).andExpect(status().isCreated());
        f.api().post(f.admin(), comments, Api.obj("body", "第二条")).andExpect(status().isCreated());
        f.api().get(f.member(), f.base() + "/posts/" + post).andExpect(jsonPath("$.commentCount").value(4))
                .andExpect(jsonPath("$.comments.length()").value(2))
                .andExpect(jsonPath("$.comments[0].replies.length()").value(2))
                .andExpect(jsonPath("$.comments[0].replies[1].parentId").value(top))
                .andExpect(jsonPath("$.comments[0].replies[1].bodyHtml").value("<p>回复的回复</p>\n"))
                .andExpect(jsonPath("$.comments[1].bodyHtml").value("<p>第二条</p>\n"));
        f.api().delete(f.member(), f.base() + "/comments/" + top).andExpect(status().isForbidden());
        f.api().delete(f.core(), f.base() + "/comments/" + top).andExpect(status().isNoContent());
        f.api().delete(f.admin(), f.base() + "/comments/" + reply).andExpect(status().isNoContent());
        f.api().get(f.member(), f.base() + "/posts/" + post).andExpect(jsonPath("$.comments[0].deleted").value(true))
                .andExpect(jsonPath("$.comments[0].bodyHtml").value(""))
                .andExpect(jsonPath("$.comments[0].replies.length()").value(1));
        f.api().post(f.member(), comments, Api.obj("body", "x", "parentId", top)).andExpect(status().isBadRequest());
    }

    @Test
    void ownersAndAdminsPinUpToThreeAndFeaturePosts() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long section = f.section("精选区", "EVERYONE");
        var ids = new long[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = f.post(f.member(), Api.obj("kind", "DISCUSSION", "body", "帖" + i, "sectionId", i == 0 ? section : null));
        }
        f.api().put(f.member(), f.base() + "/posts/" + ids[0] + "/pin", null).andExpect(status().isForbidden());
        f.api().put(f.core(), f.base() + "/posts/" + ids[0] + "/featured", null).andExpect(status().isForbidden());
        f.api().put(f.owner(), f.base() + "/posts/" + ids[0] + "/pin", null).andExpect(status().isNoContent());
        f.api().put(f.admin(), f.base() + "/posts/" + ids[1] + "/pin", null).andExpect(status().isNoContent());
        f.api().put(f.admin(), f.base() + "/posts/" + ids[2] + "/pin", null).andExpect(status().isNoContent());
        f.api().put(f.admin(), f.base() + "/posts/" + ids[3] + "/pin", null).andExpect(status().isConflict());
        f.api().delete(f.owner(), f.base() + "/posts/" + ids[1] + "/pin").andExpect(status().isNoContent());
        f.api().put(f.admin(), f.base() + "/posts/" + ids[3] + "/pin", null).andExpect(status().isNoContent());
        f.api().get(f.member(), f.base() + "/posts").andExpect(jsonPath("$.pinned.length()").value(3))
                .andExpect(jsonPath("$.pinned[0].id").value(ids[3]))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].id").value(ids[1]));
        f.api().put(f.admin(), f.base() + "/posts/" + ids[0] + "/featured", null).andExpect(status().isNoContent());
        f.api().put(f.owner(), f.base() + "/posts/" + ids[2] + "/featured", null).andExpect(status().isNoContent());
        f.api().get(f.member(), f.base() + "/posts?view=featured").andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(ids[2])).andExpect(jsonPath("$.pinned.length()").value(0));
        f.api().get(f.member(), f.base() + "/posts?view=featured&section=" + section)
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].id").value(ids[0]));
        f.api().delete(f.owner(), f.base() + "/posts/" + ids[2] + "/featured").andExpect(status().isNoContent());
        f.api().get(f.member(), f.base() + "/posts?view=featured").andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void latestFeedPagesByKeysetWithoutDuplicatesOrGapsWhilePostsArrive() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var expected = new HashSet<Long>();
        for (int i = 0; i < 45; i++) {
            expected.add(f.discussion(f.member(), "帖子 " + i));
        }
        var seen = new java.util.ArrayList<Long>();
        String cursor = null;
        int pages = 0;
        do {
            var page = Api.body(f.api().get(f.core(), f.base() + "/posts" + (cursor == null ? "" : "?cursor=" + cursor))
                    .andExpect(status().isOk()));
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            f.discussion(f.admin(), "翻页时的新帖 " + pages);
            cursor = page.hasNonNull("next") ? page.get("next").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(new HashSet<>(seen)).hasSize(seen.size()).isEqualTo(expected);
        var order = seen.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        assertThat(seen).isEqualTo(order);
        f.api().get(f.core(), f.base() + "/posts?cursor=%%%").andExpect(status().isBadRequest());
        f.api().get(f.core(), f.base() + "/posts?view=trending").andExpect(status().isBadRequest());
    }

    @Test
    void postsNewerThanMyLastVisitAreMarkedNew() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        f.discussion(f.member(), "旧帖");
        f.api().get(f.core(), f.base() + "/posts").andExpect(jsonPath("$.items[0].unread").value(false));
        Thread.sleep(1100);
        f.discussion(f.member(), "新帖");
        f.discussion(f.core(), "我自己的新帖");
        f.api().get(f.core(), f.base() + "/posts")
                .andExpect(jsonPath("$.items[0].unread").value(false))
                .andExpect(jsonPath("$.items[1].unread").value(true))
                .andExpect(jsonPath("$.items[2].unread").value(false));
        // opened again within a second: the same visit, the same marks
        f.api().get(f.core(), f.base() + "/posts").andExpect(jsonPath("$.items[1].unread").value(true));
        Thread.sleep(1100);
        // a later visit: what the last one showed is no longer new
        f.api().get(f.core(), f.base() + "/posts").andExpect(jsonPath("$.items[1].unread").value(false));
    }
}
