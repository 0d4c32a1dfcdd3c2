package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Limits checked by counting, then writing, must hold when the requests arrive at the same instant: N requests
 * released together by a latch; exactly as many win as there is room for, the others get the usual 4xx.
 */
@IntegrationTest
class ContentRaceTests {

    private static final int THREADS = 8;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    interface Request {
        ResultActions send(int i) throws Exception;
    }

    /** Sends THREADS requests at once; returns how many got each status (and fails on any 5xx or exception). */
    private Map<Integer, Integer> simultaneously(Request request) throws Exception {
        var start = new CountDownLatch(1);
        var statuses = new ArrayList<Integer>();
        var bodies = new ArrayList<String>();
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            var futures = new ArrayList<java.util.concurrent.Future<ResultActions>>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.send(n);
                }));
            }
            start.countDown();
            for (var f : futures) {
                var response = f.get(60, TimeUnit.SECONDS).andReturn().getResponse();
                statuses.add(response.getStatus());
                bodies.add(response.getContentAsString());
            }
        }
        var counts = new TreeMap<Integer, Integer>();
        statuses.forEach(s -> counts.merge(s, 1, Integer::sum));
        assertThat(statuses).as("no server errors: %s", bodies).allMatch(s -> s < 500);
        return counts;
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void simultaneousReportsOfOneItemByOneMemberFileExactlyOne() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.core(), "被同时举报的帖子");
        var counts = simultaneously(i -> f.api().post(f.member(), f.base() + "/reports",
                Api.obj("postId", post, "reason", "广告" + i)));
        assertThat(counts).isEqualTo(Map.of(201, 1, 409, THREADS - 1));
        assertThat(count("select count(*) from moderation_reports where post_id = ?", post)).isEqualTo(1);
        // the losers were told the usual message
        f.api().post(f.member(), f.base() + "/reports", Api.obj("postId", post, "reason", "再来"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value("你已经举报过这条内容，正在等待处理。"));
        // once handled, the member may report it again: the uniqueness covers open reports only
        long id = Api.body(f.api().get(f.owner(), f.base() + "/reports")).get("items").get(0).get("id").asLong();
        f.api().post(f.owner(), f.base() + "/reports/" + id + "/dismiss", null);
        var again = simultaneously(i -> f.api().post(f.member(), f.base() + "/reports",
                Api.obj("postId", post, "reason", "还是广告" + i)));
        assertThat(again).isEqualTo(Map.of(201, 1, 409, THREADS - 1));
        assertThat(count("select count(*) from moderation_reports where post_id = ? and status = 'OPEN'", post)).isEqualTo(1);
    }

    @Test
    void simultaneousSectionsNeverMakeASixth() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        f.section("已有一", "EVERYONE");
        f.section("已有二", "EVERYONE");
        var counts = simultaneously(i -> f.api().post(f.owner(), f.base() + "/sections",
                Api.obj("name", "同时" + i, "icon", "chat", "posting", "EVERYONE")));
        assertThat(counts).isEqualTo(Map.of(201, 3, 409, THREADS - 3));
        assertThat(count("select count(*) from content_sections where community_id = ? and archived_at is null",
                f.communityId())).isEqualTo(SectionCatalog.MAX_ACTIVE);
    }

    @Test
    void simultaneousRestoresOfArchivedSectionsNeverMakeASixth() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var archived = new ArrayList<Long>();
        for (int i = 0; i < THREADS; i++) {
            long id = f.section("旧板块" + i, "EVERYONE");
            f.api().delete(f.owner(), f.base() + "/sections/" + id);
            archived.add(id);
        }
        f.section("在用", "EVERYONE");
        var counts = simultaneously(i -> f.api().post(f.owner(), f.base() + "/sections/" + archived.get(i) + "/restore", null));
        assertThat(counts).isEqualTo(Map.of(204, 4, 409, THREADS - 4));
        assertThat(count("select count(*) from content_sections where community_id = ? and archived_at is null",
                f.communityId())).isEqualTo(SectionCatalog.MAX_ACTIVE);
    }

    @Test
    void simultaneousPinsNeverPinAFourth() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var posts = new ArrayList<Long>();
        for (int i = 0; i < THREADS; i++) {
            posts.add(f.discussion(f.core(), "帖子" + i));
        }
        var counts = simultaneously(i -> f.api().put(i % 2 == 0 ? f.owner() : f.admin(),
                f.base() + "/posts/" + posts.get(i) + "/pin", null));
        assertThat(counts).isEqualTo(Map.of(204, PostStore.MAX_PINNED, 409, THREADS - PostStore.MAX_PINNED));
        assertThat(count("select count(*) from posts where community_id = ? and pinned_at is not null", f.communityId()))
                .isEqualTo(PostStore.MAX_PINNED);
    }

    @Test
    void simultaneousPinsOfOnePostPinItOnce() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.core(), "同一篇");
        var counts = simultaneously(i -> f.api().put(f.owner(), f.base() + "/posts/" + post + "/pin", null));
        // pinning a pinned post is a no-op, never "too many"
        assertThat(counts).isEqualTo(Map.of(204, THREADS));
        assertThat(count("select count(*) from posts where community_id = ? and pinned_at is not null", f.communityId()))
                .isEqualTo(1);
    }

    @Test
    void simultaneousPostsStopExactlyAtTheMemberLimit() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        // the test profile allows 60 posts per member in 10 minutes: 57 are already written
        writePosts(f, f.member().id(), 57);
        var counts = simultaneously(i -> f.api().post(f.member(), f.base() + "/posts",
                Api.obj("kind", "DISCUSSION", "body", "同时发帖" + i)));
        assertThat(counts).isEqualTo(Map.of(201, 3, 429, THREADS - 3));
        assertThat(count("select count(*) from posts where author_id = ?", f.member().id())).isEqualTo(60);
    }

    @Test
    void simultaneousPostsByManyMembersStopExactlyAtTheCommunityLimit() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        // 200 posts per community in 10 minutes: 197 are already written, by someone else
        writePosts(f, f.owner().id() + 1_000_000, 197);
        var authors = new ArrayList<Api.User>();
        for (int i = 0; i < THREADS; i++) {
            var author = f.api().register("作者" + i);
            Members.add(jdbc, f.communityId(), author.id(), "MEMBER");
            authors.add(author);
        }
        var counts = simultaneously(i -> f.api().post(authors.get(i), f.base() + "/posts",
                Api.obj("kind", "DISCUSSION", "body", "热闹" + i)));
        assertThat(counts).isEqualTo(Map.of(201, 3, 429, THREADS - 3));
        assertThat(count("select count(*) from posts where community_id = ?", f.communityId())).isEqualTo(200);
    }

    @Test
    void simultaneousCommentsStopExactlyAtTheMemberLimit() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.core(), "热帖");
        var now = OffsetDateTime.now();
        for (int i = 0; i < 57; i++) {
            jdbc.sql("insert into comments (post_id, community_id, author_id, body, created_at) values (?, ?, ?, 'x', ?)")
                    .params(post, f.communityId(), f.member().id(), now).update();
        }
        var counts = simultaneously(i -> f.api().post(f.member(), f.base() + "/posts/" + post + "/comments",
                Api.obj("body", "同时评论" + i)));
        assertThat(counts).isEqualTo(Map.of(201, 3, 429, THREADS - 3));
        assertThat(count("select count(*) from comments where author_id = ?", f.member().id())).isEqualTo(60);
        // another member is not held up by this one's limit
        f.api().post(f.core(), f.base() + "/posts/" + post + "/comments", Api.obj("body", "我还可以"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
    }

    /** Rows written straight into the table, as another node's recent writes. */
    private void writePosts(ContentFixture f, long authorId, int n) {
        var now = OffsetDateTime.now();
        for (int i = 0; i < n; i++) {
            jdbc.sql("""
                    insert into posts (community_id, author_id, kind, title, body, tags, comment_count, created_at)
                    values (?, ?, 'DISCUSSION', '', 'x', '', 0, ?)""").params(f.communityId(), authorId, now).update();
        }
    }
}
