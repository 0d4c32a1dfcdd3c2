package org.shequn.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.content.ContentFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Every member-to-member interaction the existing features create lands in one form, read by the runners' API. */
@IntegrationTest
class InteractionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    record Seen(String kind, long actor, Long other, String place) {
    }

    List<Seen> read(ContentFixture f, Api.User who) throws Exception {
        var seen = new ArrayList<Seen>();
        for (JsonNode i : Api.body(f.api().get(who, f.base() + "/interactions").andExpect(status().isOk()))) {
            seen.add(new Seen(i.get("kind").asText(), i.get("actorId").asLong(),
                    i.get("otherId") == null || i.get("otherId").isNull() ? null : i.get("otherId").asLong(), i.get("place").asText()));
        }
        return seen;
    }

    long comment(ContentFixture f, Api.User who, long post, String body, Long parent) throws Exception {
        return Long.parseLong(f.api().post(who, f.base() + "/posts/" + post + "/comments", Api.obj("body", body, "parentId", parent))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
    }

    @Test
    void commentsRepliesMentionsReactionsAnswersAndFollowsAreRecordedAsWhoWithWhomHowAndWhere() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long question = f.post(f.owner(), Api.obj("kind", "QUESTION", "title", "新人怎么破冰？",
                "body", "请 @[" + f.member().displayName() + "](member:" + f.member().id() + ") 说说"));
        long answer = comment(f, f.member(), question, "先做自我介绍", null);
        long reply = comment(f, f.core(), question, "同意", answer);
        long replyToReply = comment(f, f.admin(), question, "补充一点", reply);
        comment(f, f.owner(), question, "群主自己补充", null);
        f.api().put(f.admin(), f.base() + "/posts/" + question + "/reactions/like", Map.of()).andExpect(status().isOk());
        f.api().put(f.owner(), f.base() + "/posts/" + question + "/reactions/like", Map.of()).andExpect(status().isOk());
        f.api().put(f.owner(), f.base() + "/posts/" + question + "/accepted-answer", Api.obj("commentId", answer))
                .andExpect(status().isOk());
        f.api().put(f.member(), "/api/v1/people/" + f.core().id() + "/follow", Map.of()).andExpect(status().is2xxSuccessful());

        assertThat(read(f, f.owner())).containsExactly(
                new Seen("MENTION", f.owner().id(), f.member().id(), "post:" + question),
                new Seen("COMMENT", f.member().id(), f.owner().id(), "comment:" + answer),
                new Seen("REPLY", f.core().id(), f.member().id(), "comment:" + reply),
                // a reply to a reply hangs under the first comment but answers the reply's author
                new Seen("REPLY", f.admin().id(), f.core().id(), "comment:" + replyToReply),
                // the owner's own comment and like on their own post are no interaction
                new Seen("REACTION", f.admin().id(), f.owner().id(), "post:" + question),
                new Seen("ANSWER_ACCEPTED", f.owner().id(), f.member().id(), "comment:" + answer));
        // a follow belongs to no community: it is recorded, but not in the community's list
        assertThat(jdbc.sql("select count(*) from interactions where kind = 'FOLLOW' and actor_id = ? and other_id = ?"
                        + " and community_id is null").params(f.member().id(), f.core().id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select occurred_at is not null from interactions where place = ?")
                .param("comment:" + answer).query(Boolean.class).list()).containsExactly(true, true);
    }

    @Test
    void attendingAnEventIsRecordedAtTheEventForEachGuestCheckedIn() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var start = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusMinutes(5).withSecond(0).withNano(0);
        long event = Api.body(f.api().post(f.owner(), f.base() + "/events", Api.obj("title", "读书会", "description", "一起读",
                "kind", "OFFLINE", "start", start.toString(), "end", start.plusHours(2).toString(), "place", "咖啡馆"))
                .andExpect(status().isCreated())).get("id").asLong();
        for (var guest : List.of(f.member(), f.core())) {
            f.api().post(guest, f.base() + "/events/" + event + "/registration", Api.obj("answers", List.of()))
                    .andExpect(status().is2xxSuccessful());
            var ticket = jdbc.sql("select ticket from event_registrations where event_id = ? and account_id = ?")
                    .params(event, guest.id()).query(String.class).single();
            f.api().post(f.admin(), f.base() + "/events/" + event + "/check-ins", Api.obj("ticket", ticket))
                    .andExpect(status().isOk());
        }
        assertThat(read(f, f.owner())).containsExactly(
                new Seen("EVENT_ATTENDED", f.member().id(), null, "event:" + event),
                new Seen("EVENT_ATTENDED", f.core().id(), null, "event:" + event));
    }

    @Test
    void votingInANamedPollIsRecordedAtThePollAndAnAnonymousOneNowhere() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var closes = java.time.OffsetDateTime.now().plusDays(3).toString();
        var named = Api.body(f.api().post(f.owner(), f.base() + "/polls", Api.obj("question", "去哪爬山？",
                "options", List.of("香山", "八大处"), "closesAt", closes)).andExpect(status().isCreated()));
        var secret = Api.body(f.api().post(f.owner(), f.base() + "/polls", Api.obj("question", "满意吗？",
                "options", List.of("满意", "不满意"), "closesAt", closes, "anonymous", true)).andExpect(status().isCreated()));
        for (var poll : List.of(named, secret)) {
            for (var voter : List.of(f.member(), f.core())) {
                f.api().post(voter, f.base() + "/polls/" + poll.get("id").asLong() + "/votes",
                        Api.obj("options", List.of(poll.get("options").get(0).get("id").asLong()))).andExpect(status().is2xxSuccessful());
            }
        }
        assertThat(read(f, f.owner())).containsExactly(
                new Seen("POLL_VOTED", f.member().id(), null, "poll:" + named.get("id").asLong()),
                new Seen("POLL_VOTED", f.core().id(), null, "poll:" + named.get("id").asLong()));
    }

    @Test
    void onlyTheOwnerAndAdminsReadThemAPageAtATime() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.owner(), "周末读书会");
        for (int i = 0; i < 3; i++) {
            comment(f, f.member(), post, "第 " + i + " 条", null);
        }
        var first = Api.body(f.api().get(f.admin(), f.base() + "/interactions?limit=2").andExpect(status().isOk()));
        assertThat(first).hasSize(2);
        var next = Api.body(f.api().get(f.admin(), f.base() + "/interactions?limit=2&after=" + first.get(1).get("id").asLong()));
        assertThat(next).hasSize(1);
        f.api().get(f.admin(), f.base() + "/interactions?limit=501").andExpect(status().isBadRequest());
        f.api().get(f.member(), f.base() + "/interactions").andExpect(status().isForbidden());
        f.api().get(f.outsider(), f.base() + "/interactions").andExpect(status().isForbidden());
    }
}
