package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Questions (提问): addressed to a member, answers first, the asker accepts one. */
@IntegrationTest
@RecordApplicationEvents
class QuestionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    long comment(ContentFixture f, Api.User who, long post, String body, Long parentId) throws Exception {
        return Long.parseLong(f.api().post(who, f.base() + "/posts/" + post + "/comments", Api.obj("body", body, "parentId", parentId))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
    }

    long posts(ContentFixture f) {
        return jdbc.sql("select count(*) from posts where community_id = ?").param(f.communityId()).query(Long.class).single();
    }

    @Test
    void aQuestionIsAddressedToACurrentMemberWhoIsToldOfIt() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long id = f.post(f.member(), Api.obj("kind", "QUESTION", "title", "群主，社群怎么起步？", "body", "求指点",
                "addresseeId", f.owner().id()));
        f.api().get(f.core(), f.base() + "/posts/" + id)
                .andExpect(jsonPath("$.question.addresseeId").value(f.owner().id()))
                .andExpect(jsonPath("$.question.addresseeName").value("群主"))
                .andExpect(jsonPath("$.question.solved").value(false));
        assertThat(events.stream(QuestionAsked.class))
                .containsExactly(new QuestionAsked(id, f.communityId(), f.member().id(), f.owner().id()));

        // refused, with the field named, and nothing written
        long before = posts(f);
        for (var bad : List.of(
                Api.obj("kind", "QUESTION", "title", "问自己", "body", "x", "addresseeId", f.member().id()),
                Api.obj("kind", "QUESTION", "title", "问路人", "body", "x", "addresseeId", f.outsider().id()),
                Api.obj("kind", "QUESTION", "title", "问不存在的人", "body", "x", "addresseeId", 987654321L),
                Api.obj("kind", "DISCUSSION", "body", "讨论不能指定", "addresseeId", f.owner().id()))) {
            f.api().post(f.member(), f.base() + "/posts", bad).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("addresseeId"));
        }
        f.api().post(f.member(), f.base() + "/posts", Api.obj("kind", "QUESTION", "title", "问自己", "body", "x",
                "addresseeId", f.member().id())).andExpect(content().string(Matchers.containsString("不能向自己提问")));
        f.api().post(f.member(), f.base() + "/posts", Api.obj("kind", "QUESTION", "title", "问路人", "body", "x",
                "addresseeId", f.outsider().id())).andExpect(content().string(Matchers.containsString("只能向本社群的成员提问")));
        assertThat(posts(f)).isEqualTo(before);
        assertThat(events.stream(QuestionAsked.class)).hasSize(1);

        // an open question (to everyone) tells nobody in particular
        long open = f.post(f.core(), Api.obj("kind", "QUESTION", "title", "大家怎么看？", "body", "开放问题"));
        f.api().get(f.member(), f.base() + "/posts/" + open).andExpect(jsonPath("$.question.addresseeId").doesNotExist());
        assertThat(events.stream(QuestionAsked.class)).hasSize(1);

        // the feed says whom it asks, on the API and on the page
        f.api().get(f.admin(), f.base() + "/posts")
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].question.addresseeName").value("群主"));
        mvc.perform(get("/c/" + f.slug() + "/posts").header("Authorization", f.admin().bearer()))
                .andExpect(content().string(Matchers.containsString("提问给 群主")));
        mvc.perform(get("/c/" + f.slug() + "/posts/" + id).header("Authorization", f.admin().bearer()))
                .andExpect(content().string(Matchers.containsString("提问给 群主")));
    }

    /** The question form's addressee field: the part of the editor page between its fieldset tags. */
    String addresseeField(ContentFixture f, Api.User viewer) throws Exception {
        var page = mvc.perform(get("/c/" + f.slug() + "/posts/new").header("Authorization", viewer.bearer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var field = page.substring(page.indexOf("<fieldset class=\"field addressee-field"));
        return field.substring(0, field.indexOf("</fieldset>"));
    }

    @Test
    void theEditorOffersTheOwnerInOneClickFindsOthersByNameAndTheFormAsksThem() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        // anyone, or the owner, as plain radios; nobody else is listed (others are typed and suggested)
        var field = addresseeField(f, f.member());
        assertThat(field).contains("name=\"addresseeId\" value=\"\" checked", "value=\"" + f.owner().id() + "\"", "群主 群主",
                        "data-member-suggest=\"/c/" + f.slug() + "/members/suggest\"")
                .doesNotContain("value=\"" + f.admin().id() + "\"").doesNotContain("value=\"" + f.core().id() + "\"")
                .doesNotContain("管理员");
        // the owner cannot ask itself: no owner choice on its own form
        assertThat(addresseeField(f, f.owner())).doesNotContain("value=\"" + f.owner().id() + "\"");

        var result = mvc.perform(post("/c/" + f.slug() + "/posts/new").with(csrf()).header("Authorization", f.member().bearer())
                        .param("kind", "QUESTION").param("title", "请教管理员").param("body", "页面提问")
                        .param("addresseeId", Long.toString(f.admin().id())))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
        assertThat(events.stream(QuestionAsked.class)).containsExactly(
                new QuestionAsked(id, f.communityId(), f.member().id(), f.admin().id()));

        // refused for another reason: the member picked by name stays picked
        mvc.perform(post("/c/" + f.slug() + "/posts/new").with(csrf()).header("Authorization", f.member().bearer())
                        .param("kind", "QUESTION").param("title", "x".repeat(121)).param("body", "页面提问")
                        .param("addresseeId", Long.toString(f.core().id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("value=\"" + f.core().id() + "\" checked")))
                .andExpect(content().string(Matchers.containsString("<span class=\"addressee-name\">核心成员</span>")));
        // someone outside the community is refused, and the form does not echo their name
        mvc.perform(post("/c/" + f.slug() + "/posts/new").with(csrf()).header("Authorization", f.member().bearer())
                        .param("kind", "QUESTION").param("title", "请教外人").param("body", "页面提问")
                        .param("addresseeId", Long.toString(f.outsider().id())))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("只能向本社群的成员提问")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("路人"))));
        assertThat(events.stream(QuestionAsked.class)).hasSize(1);
    }

    @Test
    void aQuestionHeldForReviewIsAnnouncedOnlyWhenApproved() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        f.api().put(f.owner(), f.base() + "/moderation/words",
                Api.obj("words", List.of(Map.of("word", "代购", "mode", "HOLD")))).andExpect(status().isOk());
        long id = f.post(f.member(), Api.obj("kind", "QUESTION", "title", "代购靠谱吗", "body", "问问", "addresseeId", f.core().id()));
        assertThat(events.stream(QuestionAsked.class)).isEmpty();
        f.api().delete(f.admin(), f.base() + "/posts/" + id + "/hidden").andExpect(status().isNoContent());
        assertThat(events.stream(QuestionAsked.class)).containsExactly(
                new QuestionAsked(id, f.communityId(), f.member().id(), f.core().id()));
    }

    @Test
    void answersComeAcceptedFirstThenTheAddresseesThenTheRest() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long q = f.post(f.member(), Api.obj("kind", "QUESTION", "title", "怎么拉新？", "body", "?", "addresseeId", f.admin().id()));
        long other = comment(f, f.core(), q, "核心成员先答", null);
        long byAddressee = comment(f, f.admin(), q, "管理员的回答", null);
        comment(f, f.member(), q, "追问", other);
        long owner = comment(f, f.owner(), q, "群主也答", null);
        long byAddressee2 = comment(f, f.admin(), q, "管理员补充", null);
        var path = f.base() + "/posts/" + q;
        f.api().get(f.member(), path)
                .andExpect(jsonPath("$.comments[*].id").value(Matchers.contains((int) byAddressee, (int) byAddressee2, (int) other, (int) owner)))
                .andExpect(jsonPath("$.comments[2].replies.length()").value(1));
        f.api().put(f.member(), path + "/accepted-answer", Api.obj("commentId", owner)).andExpect(status().isOk())
                .andExpect(jsonPath("$.question.acceptedCommentId").value(owner))
                .andExpect(jsonPath("$.question.solved").value(true))
                .andExpect(jsonPath("$.comments[*].id").value(Matchers.contains((int) owner, (int) byAddressee, (int) byAddressee2, (int) other)));
        // a discussion keeps plain oldest-first order
        long d = f.discussion(f.member(), "讨论");
        long first = comment(f, f.core(), d, "一", null);
        long second = comment(f, f.admin(), d, "二", null);
        f.api().get(f.member(), f.base() + "/posts/" + d).andExpect(jsonPath("$.question").doesNotExist())
                .andExpect(jsonPath("$.comments[*].id").value(Matchers.contains((int) first, (int) second)));
    }

    @Test
    void onlyTheAskerAcceptsChangesAndUndoesAndOnlyALiveTopLevelAnswer() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long q = f.post(f.member(), Api.obj("kind", "QUESTION", "title", "选哪个？", "body", "?", "addresseeId", f.owner().id()));
        long a = comment(f, f.owner(), q, "选 A", null);
        long b = comment(f, f.core(), q, "选 B", null);
        long reply = comment(f, f.admin(), q, "回复", a);
        long own = comment(f, f.member(), q, "我自己的想法", null);
        long hidden = comment(f, f.admin(), q, "将被隐藏", null);
        long deleted = comment(f, f.core(), q, "将被删除", null);
        f.api().put(f.owner(), f.base() + "/comments/" + hidden + "/hidden", null).andExpect(status().isNoContent());
        f.api().delete(f.core(), f.base() + "/comments/" + deleted).andExpect(status().isNoContent());
        long elsewhere = comment(f, f.core(), f.discussion(f.core(), "别的帖子"), "别处", null);
        var accept = f.base() + "/posts/" + q + "/accepted-answer";

        // the role matrix: owners and admins cannot accept for the asker
        for (var who : List.of(f.owner(), f.admin(), f.core())) {
            f.api().put(who, accept, Api.obj("commentId", a)).andExpect(status().isForbidden());
            f.api().delete(who, accept).andExpect(status().isForbidden());
        }
        f.api().put(f.outsider(), accept, Api.obj("commentId", a)).andExpect(status().isForbidden());
        f.api().put(null, accept, Api.obj("commentId", a)).andExpect(status().isUnauthorized());
        for (long bad : new long[] {reply, own, hidden, deleted, elsewhere, 987654321L}) {
            f.api().put(f.member(), accept, Api.obj("commentId", bad)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("commentId"));
        }
        f.api().put(f.member(), accept, Api.obj()).andExpect(status().isBadRequest());
        assertThat(events.stream(AnswerAccepted.class)).isEmpty();

        f.api().put(f.member(), accept, Api.obj("commentId", a)).andExpect(status().isOk())
                .andExpect(jsonPath("$.question.acceptedCommentId").value(a));
        f.api().put(f.member(), accept, Api.obj("commentId", a)).andExpect(status().isOk());
        assertThat(events.stream(AnswerAccepted.class))
                .containsExactly(new AnswerAccepted(q, f.communityId(), a, f.member().id(), f.owner().id()));
        f.api().get(f.core(), f.base() + "/posts").andExpect(jsonPath("$.items[?(@.id == " + q + ")].question.solved").value(true));
        mvc.perform(get("/c/" + f.slug() + "/posts").header("Authorization", f.core().bearer()))
                .andExpect(content().string(Matchers.containsString("已解决")));

        // change
        f.api().put(f.member(), accept, Api.obj("commentId", b)).andExpect(jsonPath("$.question.acceptedCommentId").value(b))
                .andExpect(jsonPath("$.comments[0].id").value(b));
        assertThat(events.stream(AnswerAccepted.class)).hasSize(2).last()
                .isEqualTo(new AnswerAccepted(q, f.communityId(), b, f.member().id(), f.core().id()));
        // the accepted answer hidden by a moderator: the question is unsolved again
        f.api().put(f.admin(), f.base() + "/comments/" + b + "/hidden", null).andExpect(status().isNoContent());
        f.api().get(f.core(), f.base() + "/posts/" + q).andExpect(jsonPath("$.question.solved").value(false));
        f.api().get(f.core(), f.base() + "/posts").andExpect(jsonPath("$.items[?(@.id == " + q + ")].question.solved").value(false));
        f.api().delete(f.admin(), f.base() + "/comments/" + b + "/hidden").andExpect(status().isNoContent());
        f.api().get(f.core(), f.base() + "/posts/" + q).andExpect(jsonPath("$.question.solved").value(true));
        // undo
        f.api().delete(f.member(), accept).andExpect(status().isOk())
                .andExpect(jsonPath("$.question.acceptedCommentId").doesNotExist())
                .andExpect(jsonPath("$.question.solved").value(false));
        // not a question
        long d = f.discussion(f.member(), "讨论帖");
        long dc = comment(f, f.core(), d, "回复", null);
        f.api().put(f.member(), f.base() + "/posts/" + d + "/accepted-answer", Api.obj("commentId", dc))
                .andExpect(status().isConflict());
    }

    @Test
    void theAskerAcceptsOnThePageAndEveryoneSeesIt() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long q = f.post(f.member(), Api.obj("kind", "QUESTION", "title", "页面采纳", "body", "?", "addresseeId", f.owner().id()));
        long a = comment(f, f.owner(), q, "群主的答案", null);
        var page = "/c/" + f.slug() + "/posts/" + q;
        mvc.perform(get(page).header("Authorization", f.member().bearer()))
                .andExpect(content().string(Matchers.containsString("action=\"" + page + "/accepted-answer\"")))
                .andExpect(content().string(Matchers.containsString("被提问者")));
        mvc.perform(get(page).header("Authorization", f.owner().bearer()))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/accepted-answer"))));
        mvc.perform(post(page + "/accepted-answer").with(csrf()).header("Authorization", f.owner().bearer())
                .param("commentId", Long.toString(a))).andExpect(status().isForbidden());
        mvc.perform(post(page + "/accepted-answer").with(csrf()).header("Authorization", f.member().bearer())
                .param("commentId", Long.toString(a))).andExpect(status().is3xxRedirection());
        mvc.perform(get(page).header("Authorization", f.admin().bearer()))
                .andExpect(content().string(Matchers.containsString("已采纳")))
                .andExpect(content().string(Matchers.containsString("已解决")));
        mvc.perform(post(page + "/accepted-answer").with(csrf()).header("Authorization", f.member().bearer())
                .param("commentId", "")).andExpect(status().is3xxRedirection());
        mvc.perform(get(page).header("Authorization", f.admin().bearer()))
                .andExpect(content().string(Matchers.not(Matchers.containsString("已采纳"))));
    }

    @Test
    void theQuestionsTabListsTheCommunitysQuestionsAndNothingElse() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long talk = f.discussion(f.member(), "今天的晨跑路线很美");
        long asked = f.post(f.member(), Api.obj("kind", "QUESTION", "title", "新人如何找到同城的跑友？", "body", "求推荐"));
        long toOwner = f.post(f.core(), Api.obj("kind", "QUESTION", "title", "群主，周末活动几点集合？", "body", "想参加",
                "addresseeId", f.owner().id()));
        f.api().get(f.member(), f.base() + "/posts?view=questions")
                .andExpect(jsonPath("$.view").value("questions"))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains((int) toOwner, (int) asked)));
        var html = mvc.perform(get("/c/" + f.slug() + "/posts?view=questions").header("Authorization", f.member().bearer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("新人如何找到同城的跑友？").doesNotContain("今天的晨跑路线很美")
                .contains("href=\"/c/" + f.slug() + "/posts?view=questions\" aria-current=\"page\"");
        assertThat(talk).isPositive();

        // an empty tab says so, and invites a question
        var g = ContentFixture.create(new Api(mvc), jdbc);
        var empty = mvc.perform(get("/c/" + g.slug() + "/posts?view=questions").header("Authorization", g.member().bearer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(empty).contains("还没有人提问");
        f.api().get(f.outsider(), f.base() + "/posts?view=questions").andExpect(status().isForbidden());
    }
}
