package org.shequn.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.content.ContentFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Likes (赞) and sticker reactions on posts and comments, and stickers in comments. */
@IntegrationTest
@RecordApplicationEvents
class ReactionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    record Setup(ContentFixture f, long post, long sticker, long sticker2, long packId) {
        String reactions() {
            return f.base() + "/posts/" + post + "/reactions";
        }
    }

    Setup setup() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var pack = Api.body(mvc.perform(multipart(f.base() + "/sticker-packs").param("name", "群表情")
                .file(new MockMultipartFile("stickers", "a.png", "image/png", StickerFiles.png(64, 64)))
                .file(new MockMultipartFile("stickers", "b.gif", "image/gif", StickerFiles.animatedGif(64, 64)))
                .param("names", "点赞猫").param("names", "转圈猫")
                .header("Authorization", f.owner().bearer())).andExpect(status().isCreated()));
        long post = f.discussion(f.member(), "今天的分享");
        return new Setup(f, post, pack.get("stickers").get(0).get("id").asLong(),
                pack.get("stickers").get(1).get("id").asLong(), pack.get("id").asLong());
    }

    JsonNode sheet(Setup s, Api.User who) throws Exception {
        return Api.body(s.f().api().get(who, s.reactions()).andExpect(status().isOk()));
    }

    ResultActions toggle(Setup s, Api.User who, String reaction, Long commentId, boolean htmx) throws Exception {
        var request = post("/c/" + s.f().slug() + "/posts/" + s.post() + "/reactions").with(csrf())
                .param("reaction", reaction);
        if (commentId != null) {
            request.param("commentId", commentId.toString());
        }
        if (htmx) {
            request.header("HX-Request", "true");
        }
        if (who != null) {
            request.header("Authorization", who.bearer());
        }
        return mvc.perform(request);
    }

    int rows(long post) {
        return jdbc.sql("select count(*) from reactions where post_id = ?").param(post).query(Integer.class).single();
    }

    @Test
    void likesAndStickersToggleAndAreCountedPerMember() throws Exception {
        var s = setup();
        var api = s.f().api();
        var like = s.reactions() + "/like";
        var cat = s.reactions() + "/sticker:" + s.sticker();
        var bar = Api.body(api.put(s.f().owner(), like, null).andExpect(status().isOk()));
        assertThat(bar.get("likes").asInt()).isEqualTo(1);
        assertThat(bar.get("liked").asBoolean()).isTrue();
        // adding again is idempotent over the API, and publishes no second event
        api.put(s.f().owner(), like, null).andExpect(status().isOk());
        assertThat(events.stream(ReactionAdded.class).filter(e -> e.postId() == s.post())).hasSize(1);
        var added = events.stream(ReactionAdded.class).findFirst().orElseThrow();
        assertThat(added.reaction()).isEqualTo("like");
        assertThat(added.targetAuthorId()).isEqualTo(s.f().member().id());
        assertThat(added.reactorId()).isEqualTo(s.f().owner().id());
        assertThat(added.commentId()).isNull();

        api.put(s.f().admin(), like, null).andExpect(status().isOk());
        api.put(s.f().admin(), cat, null).andExpect(status().isOk());
        api.put(s.f().core(), cat, null).andExpect(status().isOk());
        bar = Api.body(api.put(s.f().core(), s.reactions() + "/sticker:" + s.sticker2(), null).andExpect(status().isOk()));
        assertThat(bar.get("likes").asInt()).isEqualTo(2);
        assertThat(bar.get("liked").asBoolean()).isFalse();
        assertThat(bar.get("stickers")).hasSize(2);
        assertThat(bar.get("stickers").get(0).get("reaction").asString()).isEqualTo("sticker:" + s.sticker());
        assertThat(bar.get("stickers").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(bar.get("stickers").get(0).get("mine").asBoolean()).isTrue();
        assertThat(bar.get("stickers").get(0).get("sticker").get("name").asString()).isEqualTo("点赞猫");

        // the page's toggle takes a reaction back when it is there and adds it when it is not
        toggle(s, s.f().admin(), "like", null, false).andExpect(status().is3xxRedirection());
        toggle(s, s.f().admin(), "sticker:" + s.sticker(), null, false).andExpect(status().is3xxRedirection());
        var removed = events.stream(ReactionRemoved.class).toList();
        assertThat(removed).extracting(ReactionRemoved::reaction).containsExactly("like", "sticker:" + s.sticker());
        var fragment = toggle(s, s.f().admin(), "like", null, true).andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"reaction-bar\"")))
                .andExpect(content().string(not(containsString("<html"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("reaction like mine");
        var seen = sheet(s, s.f().member());
        assertThat(seen.get("post").get("likes").asInt()).isEqualTo(2);
        assertThat(seen.get("post").get("liked").asBoolean()).isFalse();
        assertThat(seen.get("post").get("stickers").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(seen.get("palette")).hasSize(2);
        api.delete(s.f().owner(), like).andExpect(status().isOk());
        api.delete(s.f().owner(), like).andExpect(status().isOk());
        assertThat(sheet(s, s.f().member()).get("post").get("likes").asInt()).isEqualTo(1);
        assertThat(rows(s.post())).isEqualTo(3);

        // the post page and the feed show them: grouped counts, "赞 1" in the feed
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/c/" + s.f().slug() + "/posts/" + s.post()).header("Authorization", s.f().admin().bearer()))
                .andExpect(content().string(containsString("/c/" + s.f().slug() + "/stickers/" + s.sticker() + "/image")))
                .andExpect(content().string(containsString("reaction like mine")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/c/" + s.f().slug() + "/posts").header("Authorization", s.f().member().bearer()))
                .andExpect(content().string(containsString("赞 1")));
    }

    @Test
    void commentsTakeReactionsToo() throws Exception {
        var s = setup();
        var api = s.f().api();
        var c = Api.body(api.post(s.f().owner(), s.f().base() + "/posts/" + s.post() + "/comments", Api.obj("body", "好"))
                .andExpect(status().isCreated()));
        long comment = jdbc.sql("select max(id) from comments where post_id = ?").param(s.post()).query(Long.class).single();
        assertThat(c).isNotNull();
        var path = s.f().base() + "/posts/" + s.post() + "/comments/" + comment + "/reactions/";
        api.put(s.f().member(), path + "like", null).andExpect(status().isOk());
        var bar = Api.body(api.put(s.f().admin(), path + "sticker:" + s.sticker2(), null).andExpect(status().isOk()));
        assertThat(bar.get("commentId").asLong()).isEqualTo(comment);
        var sheet = sheet(s, s.f().member());
        assertThat(sheet.get("post").get("likes").asInt()).isZero();
        assertThat(sheet.get("comments").get(Long.toString(comment)).get("likes").asInt()).isEqualTo(1);
        assertThat(sheet.get("comments").get(Long.toString(comment)).get("liked").asBoolean()).isTrue();
        var event = events.stream(ReactionAdded.class).filter(e -> e.reactorId() == s.f().admin().id()).findFirst().orElseThrow();
        assertThat(event.commentId()).isEqualTo(comment);
        assertThat(event.targetAuthorId()).isEqualTo(s.f().owner().id());
        assertThat(event.reaction()).isEqualTo("sticker:" + s.sticker2());
        toggle(s, s.f().member(), "like", comment, false).andExpect(status().is3xxRedirection());
        var after = sheet(s, s.f().member()).get("comments").get(Long.toString(comment));
        assertThat(after.get("likes").asInt()).isZero();
        assertThat(after.get("stickers").get(0).get("count").asInt()).isEqualTo(1);
        // a comment of another post, a deleted comment: not found
        long other = s.f().discussion(s.f().owner(), "另一个帖子");
        api.put(s.f().member(), s.f().base() + "/posts/" + other + "/comments/" + comment + "/reactions/like", null)
                .andExpect(status().isNotFound());
        api.delete(s.f().owner(), s.f().base() + "/comments/" + comment).andExpect(status().isNoContent());
        api.put(s.f().member(), path + "like", null).andExpect(status().isNotFound());
    }

    @Test
    void refusesUnknownAndUnusableReactions() throws Exception {
        var s = setup();
        var other = setup();
        var api = s.f().api();
        for (var bad : List.of("love", "sticker:", "sticker:abc", "sticker:-1", "sticker:999999999", "LIKE",
                "sticker:" + other.sticker(), "<script>")) {
            assertThat(api.put(s.f().member(), s.reactions() + "/" + bad, null).andReturn().getResponse().getStatus())
                    .as(bad).isIn(400, 404);
        }
        toggle(s, s.f().member(), "love", null, false).andExpect(status().isBadRequest());
        toggle(s, s.f().member(), null, null, false).andExpect(status().isBadRequest());
        // an archived pack's sticker cannot be used again, but a member may take back a reaction made with it
        api.put(s.f().member(), s.reactions() + "/sticker:" + s.sticker(), null).andExpect(status().isOk());
        api.put(s.f().owner(), s.f().base() + "/sticker-packs/" + s.packId() + "/archived", null).andExpect(status().isNoContent());
        api.put(s.f().admin(), s.reactions() + "/sticker:" + s.sticker(), null).andExpect(status().isBadRequest());
        assertThat(sheet(s, s.f().member()).get("palette")).isEmpty();
        assertThat(sheet(s, s.f().member()).get("post").get("stickers").get(0).get("count").asInt()).isEqualTo(1);
        api.delete(s.f().member(), s.reactions() + "/sticker:" + s.sticker()).andExpect(status().isOk());
        assertThat(rows(s.post())).isZero();
        // deleting a sticker removes its reactions
        api.put(s.f().member(), s.reactions() + "/sticker:" + s.sticker2(), null).andExpect(status().isBadRequest());
        api.delete(s.f().owner(), s.f().base() + "/sticker-packs/" + s.packId() + "/archived").andExpect(status().isNoContent());
        api.put(s.f().member(), s.reactions() + "/sticker:" + s.sticker2(), null).andExpect(status().isOk());
        api.delete(s.f().owner(), s.f().base() + "/stickers/" + s.sticker2()).andExpect(status().isNoContent());
        assertThat(rows(s.post())).isZero();
    }

    @Test
    void onlyMembersReactAndReadReactionsAndArchivedCommunitiesAreReadOnly() throws Exception {
        var s = setup();
        var api = s.f().api();
        for (var who : List.of(s.f().owner(), s.f().admin(), s.f().core(), s.f().member())) {
            api.put(who, s.reactions() + "/like", null).andExpect(status().isOk());
            api.get(who, s.reactions()).andExpect(status().isOk());
        }
        for (var who : new Api.User[] {s.f().outsider(), null}) {
            int expected = who == null ? 401 : 403;
            assertThat(api.get(who, s.reactions()).andReturn().getResponse().getStatus()).isEqualTo(expected);
            assertThat(api.put(who, s.reactions() + "/like", null).andReturn().getResponse().getStatus()).isEqualTo(expected);
            assertThat(api.delete(who, s.reactions() + "/like").andReturn().getResponse().getStatus()).isEqualTo(expected);
        }
        toggle(s, s.f().outsider(), "like", null, false).andExpect(status().isForbidden());
        toggle(s, null, "like", null, false).andExpect(status().is3xxRedirection());
        assertThat(rows(s.post())).isEqualTo(4);
        api.post(s.f().owner(), "/api/v1/communities/" + s.f().slug() + "/archive", null).andExpect(status().isOk());
        api.get(s.f().member(), s.reactions()).andExpect(status().isOk());
        api.put(s.f().member(), s.reactions() + "/sticker:" + s.sticker(), null).andExpect(status().isConflict());
        api.delete(s.f().member(), s.reactions() + "/like").andExpect(status().isConflict());
        toggle(s, s.f().member(), "like", null, false).andExpect(status().isConflict());
        assertThat(rows(s.post())).isEqualTo(4);
        assertThat(sheet(s, s.f().member()).get("post").get("canReact").asBoolean()).isFalse();
    }

    /**
     * Reactions follow what each member may see of the thread: a hidden comment's counts only for owners and
     * admins, a held comment's (and the sticker it carries) for runners and its author, never for other members.
     */
    @Test
    void reactionsOnHiddenAndHeldCommentsShowOnlyToWhoMaySeeTheComments() throws Exception {
        var s = setup();
        var f = s.f();
        var api = f.api();
        var comments = f.base() + "/posts/" + s.post() + "/comments";
        long visible = commentId(api.post(f.member(), comments, Api.obj("body", "看得见的评论")));
        long hidden = commentId(api.post(f.member(), comments, Api.obj("body", "会被隐藏的评论")));
        for (long comment : List.of(visible, hidden)) {
            api.put(f.owner(), comments + "/" + comment + "/reactions/like", null).andExpect(status().isOk());
            api.put(f.admin(), comments + "/" + comment + "/reactions/sticker:" + s.sticker(), null).andExpect(status().isOk());
        }
        api.put(f.admin(), f.base() + "/comments/" + hidden + "/hidden", null)
                .andExpect(status().is2xxSuccessful());
        api.put(f.admin(), f.base() + "/moderation/words", Api.obj("words", List.of(java.util.Map.of("word", "代购", "mode", "HOLD"))))
                .andExpect(status().isOk());
        long held = commentId(api.post(f.core(), comments, Api.obj("body", "专业代购", "stickerId", s.sticker2())));
        // reacting to a held comment is refused, so the count a moderator could find there is written directly
        jdbc.sql("""
                insert into reactions (post_id, comment_id, account_id, reaction, community_id, created_at)
                values (?, ?, ?, 'like', ?, current_timestamp)""").params(s.post(), held, f.core().id(), f.communityId()).update();

        for (var who : List.of(f.owner(), f.admin(), f.core(), f.member())) {
            var sheet = sheet(s, who);
            var bars = sheet.get("comments");
            boolean runs = who == f.owner() || who == f.admin();
            boolean author = who == f.core();
            assertThat(bars.get(Long.toString(visible)).get("likes").asInt()).as("visible comment").isEqualTo(1);
            assertThat(bars.get(Long.toString(visible)).get("stickers").size()).isEqualTo(1);
            assertThat(bars.has(Long.toString(hidden))).as("hidden comment's counts").isEqualTo(runs);
            assertThat(bars.has(Long.toString(held))).as("held comment's counts").isEqualTo(runs || author);
            assertThat(sheet.get("commentStickers").has(Long.toString(held))).as("held comment's sticker")
                    .isEqualTo(runs || author);
            if (runs) {
                assertThat(bars.get(Long.toString(hidden)).get("likes").asInt()).isEqualTo(1);
                assertThat(bars.get(Long.toString(hidden)).get("stickers").get(0).get("count").asInt()).isEqualTo(1);
            }
            // the post page draws its bars from the same sheet
            var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/c/" + f.slug() + "/posts/" + s.post()).header("Authorization", who.bearer()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page.contains("id=\"reactions-" + hidden + "\"")).isEqualTo(runs);
        }
        assertThat(api.get(f.outsider(), s.reactions()).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(api.get(null, s.reactions()).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    private static long commentId(ResultActions created) throws Exception {
        return Long.parseLong(created.andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
    }

    /** Every API feed (latest, hot, featured, following) tells each post's reaction and comment counts and my like. */
    @Test
    void apiFeedItemsCarryReactionAndCommentCountsAndWhetherILikedThem() throws Exception {
        var s = setup();
        var f = s.f();
        var api = f.api();
        long quiet = f.discussion(f.member(), "没人理的帖子");
        api.put(f.owner(), s.reactions() + "/like", null).andExpect(status().isOk());
        api.put(f.admin(), s.reactions() + "/like", null).andExpect(status().isOk());
        api.put(f.admin(), s.reactions() + "/sticker:" + s.sticker(), null).andExpect(status().isOk());
        api.post(f.core(), f.base() + "/posts/" + s.post() + "/comments", Api.obj("body", "第一条")).andExpect(status().isCreated());
        api.post(f.owner(), f.base() + "/posts/" + s.post() + "/comments", Api.obj("body", "第二条")).andExpect(status().isCreated());
        long comment = jdbc.sql("select max(id) from comments where post_id = ?").param(s.post()).query(Long.class).single();
        // a reaction on a comment is not one on the post
        api.put(f.core(), f.base() + "/posts/" + s.post() + "/comments/" + comment + "/reactions/like", null).andExpect(status().isOk());
        api.put(f.owner(), f.base() + "/posts/" + s.post() + "/featured", null).andExpect(status().isNoContent());
        api.put(f.owner(), f.base() + "/posts/" + quiet + "/featured", null).andExpect(status().isNoContent());
        api.put(f.owner(), "/api/v1/people/" + f.member().id() + "/follow", null).andExpect(status().isNoContent());

        for (var view : List.of("latest", "hot", "featured", "following")) {
            for (var who : List.of(f.owner(), f.core())) {
                var page = Api.body(api.get(who, view.equals("following") ? "/api/v1/feeds/following"
                        : f.base() + "/posts?view=" + view).andExpect(status().isOk()));
                JsonNode shared = null;
                JsonNode lonely = null;
                for (var item : page.get("items")) {
                    var card = item.has("post") ? item.get("post") : item;
                    if (card.get("id").asLong() == s.post()) {
                        shared = card;
                    } else if (card.get("id").asLong() == quiet) {
                        lonely = card;
                    }
                }
                if (view.equals("following") && who == f.core()) {
                    continue;
                }
                assertThat(shared).as(view).isNotNull();
                assertThat(shared.get("reactionCount").asInt()).as(view).isEqualTo(3);
                assertThat(shared.get("commentCount").asInt()).as(view).isEqualTo(2);
                assertThat(shared.get("liked").asBoolean()).as(view).isEqualTo(who == f.owner());
                assertThat(lonely).as(view).isNotNull();
                assertThat(lonely.get("reactionCount").asInt()).isZero();
                assertThat(lonely.get("commentCount").asInt()).isZero();
                assertThat(lonely.get("liked").asBoolean()).isFalse();
            }
        }
        // taking a like back counts down
        api.delete(f.owner(), s.reactions() + "/like").andExpect(status().isOk());
        var latest = Api.body(api.get(f.owner(), f.base() + "/posts").andExpect(status().isOk()));
        for (var card : latest.get("items")) {
            if (card.get("id").asLong() == s.post()) {
                assertThat(card.get("reactionCount").asInt()).isEqualTo(2);
                assertThat(card.get("liked").asBoolean()).isFalse();
            }
        }
    }

    /** A muted member may not add reactions (a sticker says something too) but may take one back. */
    @Test
    void mutedMembersCannotReactButMayTakeAReactionBack() throws Exception {
        var s = setup();
        var api = s.f().api();
        api.put(s.f().member(), s.reactions() + "/like", null).andExpect(status().isOk());
        api.put(s.f().owner(), s.f().base() + "/mutes/" + s.f().member().id(), Api.obj("hours", 2, "reason", "刷屏"))
                .andExpect(status().is2xxSuccessful());
        api.put(s.f().member(), s.reactions() + "/sticker:" + s.sticker(), null).andExpect(status().isForbidden());
        toggle(s, s.f().member(), "sticker:" + s.sticker(), null, false).andExpect(status().isForbidden());
        api.delete(s.f().member(), s.reactions() + "/like").andExpect(status().isOk());
        assertThat(rows(s.post())).isZero();
    }

    @Test
    void parallelReactionsKeepCountsRight() throws Exception {
        var s = setup();
        var api = s.f().api();
        var members = new ArrayList<Api.User>();
        for (int i = 0; i < 12; i++) {
            var m = api.register("并发" + i);
            Members.add(jdbc, s.f().communityId(), m.id(), "MEMBER");
            members.add(m);
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            // twelve members toggle the like at once: twelve likes
            var tasks = new ArrayList<Callable<Integer>>();
            members.forEach(m -> tasks.add(() -> toggle(s, m, "like", null, false).andReturn().getResponse().getStatus()));
            for (var r : pool.invokeAll(tasks)) {
                assertThat(r.get()).isEqualTo(302);
            }
            assertThat(sheet(s, s.f().member()).get("post").get("likes").asInt()).isEqualTo(12);
            // one member adds the same sticker from ten requests at once: one reaction, one event
            var same = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 10; i++) {
                same.add(() -> api.put(s.f().core(), s.reactions() + "/sticker:" + s.sticker(), null).andReturn()
                        .getResponse().getStatus());
            }
            for (var r : pool.invokeAll(same)) {
                assertThat(r.get()).isEqualTo(200);
            }
            // and all twelve toggle again at once: back to none
            for (var r : pool.invokeAll(tasks)) {
                assertThat(r.get()).isEqualTo(302);
            }
        }
        var sheet = sheet(s, s.f().member());
        assertThat(sheet.get("post").get("likes").asInt()).isZero();
        assertThat(sheet.get("post").get("stickers").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(rows(s.post())).isEqualTo(1);
    }

    @Test
    void aCommentMayCarryOneStickerAndThenNeedsNoText() throws Exception {
        var s = setup();
        var api = s.f().api();
        var comments = s.f().base() + "/posts/" + s.post() + "/comments";
        api.post(s.f().member(), comments, Api.obj("body", "", "stickerId", s.sticker2())).andExpect(status().isCreated());
        api.post(s.f().core(), comments, Api.obj("body", "配个表情", "stickerId", s.sticker())).andExpect(status().isCreated());
        api.post(s.f().member(), comments, Api.obj("body", "")).andExpect(status().isBadRequest());
        api.post(s.f().member(), comments, Api.obj("body", "  ", "stickerId", null)).andExpect(status().isBadRequest());
        var other = setup();
        api.post(s.f().member(), comments, Api.obj("body", "", "stickerId", other.sticker())).andExpect(status().isBadRequest());
        api.post(s.f().member(), comments, Api.obj("body", "", "stickerId", 999_999_999L)).andExpect(status().isBadRequest());
        api.post(s.f().member(), comments, Api.obj("body", "", "stickerId", "abc")).andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("select count(*) from comments where post_id = ?").param(s.post()).query(Integer.class).single())
                .isEqualTo(2);
        var sheet = sheet(s, s.f().member());
        assertThat(sheet.get("commentStickers").size()).isEqualTo(2);
        // the page form: a sticker-only reply
        long first = jdbc.sql("select min(id) from comments where post_id = ?").param(s.post()).query(Long.class).single();
        mvc.perform(post("/c/" + s.f().slug() + "/posts/" + s.post() + "/comments").with(csrf())
                .header("Authorization", s.f().admin().bearer()).param("body", "").param("parentId", Long.toString(first))
                .param("stickerId", Long.toString(s.sticker()))).andExpect(status().is3xxRedirection());
        var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/c/" + s.f().slug() + "/posts/" + s.post()).header("Authorization", s.f().member().bearer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"comment-sticker-img\" src=\"/c/" + s.f().slug() + "/stickers/" + s.sticker2()
                + "/image\" alt=\"转圈猫\"");
        assertThat(page.split("comment-sticker-img", -1)).hasSize(4);
        // an archived pack's sticker cannot go on a new comment
        api.put(s.f().owner(), s.f().base() + "/sticker-packs/" + s.packId() + "/archived", null).andExpect(status().isNoContent());
        api.post(s.f().member(), comments, Api.obj("body", "", "stickerId", s.sticker())).andExpect(status().isBadRequest());
        // a deleted sticker leaves a note instead of a broken image
        api.delete(s.f().owner(), s.f().base() + "/stickers/" + s.sticker2()).andExpect(status().isNoContent());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/c/" + s.f().slug() + "/posts/" + s.post()).header("Authorization", s.f().member().bearer()))
                .andExpect(content().string(containsString("（表情已删除）")));
    }
}
