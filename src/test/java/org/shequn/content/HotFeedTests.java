package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.reaction.ReactionAdded;
import org.shequn.reaction.ReactionRemoved;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The hot feed (热门): order, paging, the counters behind the score, and the tag filter on every view. */
@IntegrationTest
class HotFeedTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    static List<Long> ids(JsonNode page) {
        var ids = new ArrayList<Long>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    JsonNode feed(ContentFixture f, Api.User who, String query) throws Exception {
        return Api.body(f.api().get(who, f.base() + "/posts?" + query).andExpect(status().isOk()));
    }

    long comment(ContentFixture f, Api.User who, long post) throws Exception {
        return Long.parseLong(f.api().post(who, f.base() + "/posts/" + post + "/comments", Api.obj("body", "说得好"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
    }

    @Test
    void amongPostsOfTheSameAgeMoreEngagementRanksHigher() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long busy = f.discussion(f.member(), "最热闹的帖子");
        long some = f.discussion(f.member(), "有人回复的帖子");
        long quiet = f.discussion(f.member(), "没人理的帖子");
        comment(f, f.core(), busy);
        comment(f, f.admin(), busy);
        comment(f, f.core(), busy);
        comment(f, f.member(), busy);
        comment(f, f.core(), some);
        // pinning puts a post on top of latest only; hot ranks it by its score like any other
        f.api().put(f.admin(), f.base() + "/posts/" + quiet + "/pin", null).andExpect(status().isNoContent());

        assertThat(ids(feed(f, f.member(), "view=latest"))).containsExactly(some, busy);
        var hot = feed(f, f.member(), "view=hot");
        assertThat(ids(hot)).containsExactly(busy, some, quiet);
        assertThat(hot.get("view").asString()).isEqualTo("hot");
        assertThat(hot.get("pinned").size()).isZero();
        // the author's own comment counts as a comment, not as a participant
        assertThat(jdbc.sql("select participant_count from posts where id = ?").param(busy).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select comment_count from posts where id = ?").param(busy).query(Integer.class).single())
                .isEqualTo(4);
    }

    @Test
    void aMuchOlderPostWithModerateEngagementRanksBelowAFreshOne() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long old = f.discussion(f.member(), "两天前的热帖");
        // the post was written two days ago (the score is derived from created_at on every change)
        jdbc.sql("update posts set created_at = created_at - interval '2' day where id = ?").param(old).update();
        comment(f, f.core(), old);
        comment(f, f.admin(), old);
        comment(f, f.owner(), old);
        comment(f, f.core(), old);
        long fresh = f.discussion(f.core(), "刚发的帖子");
        assertThat(ids(feed(f, f.member(), "view=hot"))).containsExactly(fresh, old);

        // a day-old post needs far more weight than a fresh one: one comment makes the fresh one lead anyway
        long dayOld = f.discussion(f.admin(), "一天前的帖子");
        jdbc.sql("update posts set created_at = created_at - interval '1' day where id = ?").param(dayOld).update();
        comment(f, f.core(), dayOld);
        comment(f, f.member(), dayOld);
        comment(f, f.owner(), dayOld);
        assertThat(ids(feed(f, f.member(), "view=hot"))).containsExactly(fresh, dayOld, old);
    }

    @Test
    void pagingThroughHotIsCompleteAndWithoutDuplicatesIncludingTies() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var all = new HashSet<Long>();
        for (int i = 0; i < 45; i++) {
            long id = f.discussion(i % 2 == 0 ? f.member() : f.core(), "帖子 " + i);
            all.add(id);
            if (i % 7 == 0) {
                comment(f, f.admin(), id);
            }
        }
        // posts without engagement written within the same second share a score: the id breaks the tie
        var seen = new ArrayList<Long>();
        String cursor = null;
        int pages = 0;
        do {
            var page = feed(f, f.member(), "view=hot" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.get("next") == null || page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(all);
        var scores = new ArrayList<Double>();
        for (long id : seen) {
            scores.add(jdbc.sql("select hot_score from posts where id = ?").param(id).query(Double.class).single());
        }
        for (int i = 1; i < scores.size(); i++) {
            assertThat(scores.get(i)).isLessThanOrEqualTo(scores.get(i - 1));
        }
        f.api().get(f.member(), f.base() + "/posts?view=hot&cursor=bm90LWEtbnVtYmVyfDE").andExpect(status().isBadRequest());
        f.api().get(f.member(), f.base() + "/posts?view=hottest").andExpect(status().isBadRequest());
    }

    @Test
    void removingACommentLowersTheScoreAndHiddenOrDeletedPostsLeaveHot() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long a = f.discussion(f.member(), "甲");
        long b = f.discussion(f.member(), "乙");
        long c = f.discussion(f.member(), "丙");
        long first = comment(f, f.core(), a);
        comment(f, f.core(), a);
        comment(f, f.core(), b);
        assertThat(ids(feed(f, f.member(), "view=hot"))).containsExactly(a, b, c);
        double before = score(a);
        f.api().delete(f.core(), f.base() + "/comments/" + first).andExpect(status().isNoContent());
        assertThat(score(a)).isLessThan(before);
        f.api().delete(f.member(), f.base() + "/posts/" + b).andExpect(status().isNoContent());
        f.api().put(f.admin(), f.base() + "/posts/" + c + "/hidden", null).andExpect(status().isNoContent());
        assertThat(ids(feed(f, f.member(), "view=hot"))).containsExactly(a);
        // owners and admins see hidden posts in every view, as in latest
        assertThat(ids(feed(f, f.admin(), "view=hot"))).containsExactly(a, c);
        f.api().get(f.outsider(), f.base() + "/posts?view=hot").andExpect(status().isForbidden());
    }

    @Test
    void reactionEventsCountOnceEachAndMoveAPost() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long liked = f.discussion(f.member(), "被点赞的帖子");
        long other = f.discussion(f.member(), "另一篇");
        assertThat(ids(feed(f, f.member(), "view=hot"))).containsExactly(other, liked);
        // the reaction module publishes these in its own transaction; the hot feed counts inside it
        tx.executeWithoutResult(s -> {
            events.publishEvent(new ReactionAdded(f.communityId(), liked, null, f.member().id(), f.core().id(), "like"));
            events.publishEvent(new ReactionAdded(f.communityId(), liked, null, f.member().id(), f.admin().id(), "like"));
            events.publishEvent(new ReactionAdded(f.communityId(), liked, null, f.member().id(), f.member().id(), "like"));
        });
        assertThat(counter(liked, "reaction_count")).isEqualTo(3);
        assertThat(counter(liked, "participant_count")).isEqualTo(2);
        assertThat(ids(feed(f, f.member(), "view=hot"))).containsExactly(liked, other);

        // a rolled-back reaction leaves nothing behind
        try {
            tx.executeWithoutResult(s -> {
                events.publishEvent(new ReactionAdded(f.communityId(), liked, null, f.member().id(), f.owner().id(), "like"));
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // the reaction's own transaction failed
        }
        assertThat(counter(liked, "reaction_count")).isEqualTo(3);

        // a reaction to a comment makes a participant but does not count as a reaction on the post
        tx.executeWithoutResult(s -> events.publishEvent(
                new ReactionAdded(f.communityId(), other, 999L, f.core().id(), f.owner().id(), "sticker:1")));
        assertThat(counter(other, "reaction_count")).isZero();
        assertThat(counter(other, "participant_count")).isEqualTo(1);

        tx.executeWithoutResult(s -> {
            for (var who : List.of(f.core(), f.admin(), f.member())) {
                events.publishEvent(new ReactionRemoved(f.communityId(), liked, null, f.member().id(), who.id(), "like"));
            }
            // more removals than additions never make the count negative
            events.publishEvent(new ReactionRemoved(f.communityId(), liked, null, f.member().id(), f.owner().id(), "like"));
        });
        assertThat(counter(liked, "reaction_count")).isZero();
        // other now has a participant; liked keeps its two (participation is not taken back)
        assertThat(ids(feed(f, f.member(), "view=hot"))).containsExactly(liked, other);
    }

    @Test
    void feedsFilterByOneTagAndFollowEditsAndDeletes() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long section = f.section("读书", "EVERYONE");
        long reading = f.post(f.member(), Api.obj("kind", "DISCUSSION", "body", "读书笔记", "tags", List.of("读书", "笔记")));
        long inSection = f.post(f.member(), Api.obj("kind", "DISCUSSION", "body", "板块里", "sectionId", section,
                "tags", List.of("读书")));
        long other = f.post(f.core(), Api.obj("kind", "DISCUSSION", "body", "别的话题", "tags", List.of("运营")));
        long tagged = f.post(f.core(), Api.obj("kind", "DISCUSSION", "body", "改了标签", "tags", List.of("运营")));
        f.api().put(f.admin(), f.base() + "/posts/" + reading + "/featured", null).andExpect(status().isNoContent());

        assertThat(ids(feed(f, f.member(), "tag=读书"))).containsExactly(inSection, reading);
        assertThat(ids(feed(f, f.member(), "view=hot&tag=读书"))).containsExactlyInAnyOrder(inSection, reading);
        assertThat(ids(feed(f, f.member(), "view=featured&tag=读书"))).containsExactly(reading);
        assertThat(ids(feed(f, f.member(), "tag=读书&section=" + section))).containsExactly(inSection);
        assertThat(ids(feed(f, f.member(), "tag=运营"))).containsExactly(tagged, other);
        assertThat(feed(f, f.member(), "tag=读书").get("tag").asString()).isEqualTo("读书");

        f.api().put(f.core(), f.base() + "/posts/" + tagged, Api.obj("kind", "DISCUSSION", "body", "改了标签",
                "tags", List.of("读书"))).andExpect(status().isOk());
        assertThat(ids(feed(f, f.member(), "tag=运营"))).containsExactly(other);
        assertThat(ids(feed(f, f.member(), "tag=读书"))).containsExactly(tagged, inSection, reading);
        f.api().delete(f.member(), f.base() + "/posts/" + inSection).andExpect(status().isNoContent());
        assertThat(ids(feed(f, f.member(), "tag=读书"))).containsExactly(tagged, reading);
        assertThat(ids(feed(f, f.member(), "tag=没有"))).isEmpty();
        f.api().get(f.member(), f.base() + "/posts?tag=" + "长".repeat(21)).andExpect(status().isBadRequest());
        f.api().get(f.outsider(), f.base() + "/posts?tag=读书").andExpect(status().isForbidden());

        // the page: tags on cards link to the filter, which keeps the chosen view
        var web = new org.shequn.WebSession(mvc);
        web.register("看标签的人");
        // (a fresh account is not a member: the page refuses it like the API)
        web.get("/c/" + f.slug() + "/posts?tag=读书").andExpect(status().isForbidden());
        f.api().get(f.member(), f.base() + "/posts?view=hot&tag=读书").andExpect(jsonPath("$.view").value("hot"));
    }

    private double score(long post) {
        return jdbc.sql("select hot_score from posts where id = ?").param(post).query(Double.class).single();
    }

    private int counter(long post, String column) {
        return jdbc.sql("select " + column + " from posts where id = ?").param(post).query(Integer.class).single();
    }
}
