package org.shequn.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The assignment pages: a runner sets one through the form (a bad one comes back with its errors, nothing written),
 * a member hands in and revises on its page, the owner scores, comments and features from the list of submissions
 * and sees who has not handed in; every form carries its CSRF token.
 */
@IntegrationTest
class AssignmentPagesTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    long accountId(String email) {
        return jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
    }

    static int forms(String html) {
        return html.split("<form method=\"post\"", -1).length - 1;
    }

    static int tokens(String html) {
        return html.split("name=\"_csrf\"", -1).length - 1;
    }

    @Test
    void aRunnerSetsAnAssignmentAMemberHandsInAndTheOwnerScoresAndFeaturesOnItsPage() throws Exception {
        var api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "assign-pages-");
        var owner = new WebSession(mvc);
        long ownerId = accountId(owner.register("群主网页"));
        Members.add(jdbc, community.id(), ownerId, "ADMIN");
        var member = new WebSession(mvc);
        long memberId = accountId(member.register("交作业的人"));
        Members.add(jdbc, community.id(), memberId, "MEMBER");
        var lazy = new WebSession(mvc);
        Members.add(jdbc, community.id(), accountId(lazy.register("还没交的人")), "MEMBER");
        var c = "/c/" + community.slug() + "/assignments";

        member.get(c + "/new").andExpect(status().isForbidden());
        var form = owner.get(c + "/new").andExpect(status().isOk())
                .andExpect(content().string(containsString("交作业的人"))).andReturn().getResponse().getContentAsString();
        assertThat(tokens(form)).isGreaterThanOrEqualTo(forms(form)).isPositive();
        long before = jdbc.sql("select count(*) from assignments").query(Long.class).single();
        owner.form(c, "title", "读后感", "description", "", "dueAt", "2020-01-01T20:00", "zone", "Asia/Shanghai",
                        "remindHoursBefore", "500", "maxScore", "x")
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("格式不对")));
        owner.form(c, "title", "读后感", "description", "", "dueAt", "2030-01-01T20:00", "zone", "Asia/Shanghai",
                        "remindHoursBefore", "500", "maxScore", "100")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("提前提醒的小时数须在 1 到 168 之间")));
        owner.form(c, "title", "读后感", "description", "", "dueAt", "2020-01-01T20:00", "zone", "Asia/Shanghai",
                        "remindHoursBefore", "3", "maxScore", "100", "reviewerIds", "999999999")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("截止时间必须在将来")))
                .andExpect(content().string(containsString("评审人必须是本社群的成员")))
                .andExpect(content().string(containsString("value=\"读后感\"")));
        assertThat(jdbc.sql("select count(*) from assignments").query(Long.class).single()).isEqualTo(before);

        var due = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(5)), SHANGHAI).withSecond(0).withNano(0);
        var created = owner.form(c, "title", "第一章读后感", "description", "读完第一章，写 **500 字**。<script>alert(1)</script>",
                        "dueAt", due.toString(), "zone", "Asia/Shanghai", "remindHoursBefore", "3", "maxScore", "100",
                        "acceptsLate", "true")
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));

        member.get(c).andExpect(status().isOk()).andExpect(content().string(containsString("第一章读后感")))
                .andExpect(content().string(containsString("还剩 4 小时")));
        var page = member.get(c + "/" + id).andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>500 字</strong>")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("submission-form")))
                .andExpect(content().string(containsString("你还没有交作业")))
                .andExpect(content().string(not(containsString("assignment-roster"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(tokens(page)).isGreaterThanOrEqualTo(forms(page)).isPositive();
        member.perform(MockMvcRequestBuilders.multipart(c + "/" + id + "/submission").param("text", "").with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("作业不能是空的")));
        member.perform(MockMvcRequestBuilders.multipart(c + "/" + id + "/submission").param("text", "附件不对")
                        .file(new MockMultipartFile("file", "x.html", "text/html", "<b>x</b>".getBytes())).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("不支持这种附件")));
        member.perform(MockMvcRequestBuilders.multipart(c + "/" + id + "/submission").param("text", "第一章讲的是产品经理。")
                        .file(new MockMultipartFile("file", "笔记.txt", "text/plain", "笔记".getBytes())).with(csrf()))
                .andExpect(redirectedUrl(c + "/" + id + "#my-submission"));
        member.perform(MockMvcRequestBuilders.multipart(c + "/" + id + "/submission").param("text", "第一章讲的是产品经理的职责。")
                        .with(csrf()))
                .andExpect(redirectedUrl(c + "/" + id + "#my-submission"));
        member.get(c + "/" + id).andExpect(content().string(containsString("产品经理的职责")))
                .andExpect(content().string(containsString("笔记.txt")))
                .andExpect(content().string(containsString("修改作业")));

        // the owner: who has handed in and who has not, the unscored filter, the review and feature forms
        var ownerPage = owner.get(c + "/" + id).andExpect(status().isOk())
                .andExpect(content().string(containsString("1 人已交 · 3 人未交")))
                .andExpect(content().string(containsString("还没交的人")))
                .andExpect(content().string(containsString("submission-review-form")))
                .andReturn().getResponse().getContentAsString();
        assertThat(tokens(ownerPage)).isGreaterThanOrEqualTo(forms(ownerPage));
        long submission = jdbc.sql("select id from assignment_submissions where assignment_id = ? and account_id = ?")
                .params(id, memberId).query(Long.class).single();
        owner.form(c + "/" + id + "/submissions/" + submission + "/review", "score", "101", "comment", "")
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("分数须在 0 到 100 之间")));
        owner.form(c + "/" + id + "/submissions/" + submission + "/review", "score", "92", "comment", "抓住了重点")
                .andExpect(status().is3xxRedirection());
        owner.form(c + "/" + id + "/submissions/" + submission + "/featured", "on", "true").andExpect(status().is3xxRedirection());
        owner.get(c + "/" + id + "?unscored=true").andExpect(content().string(containsString("还没有人交作业")));

        member.get(c + "/" + id).andExpect(content().string(containsString("得分 92 / 100")))
                .andExpect(content().string(containsString("抓住了重点")))
                .andExpect(content().string(containsString("作业已打分，不能再修改")))
                .andExpect(content().string(not(containsString("submission-form"))));
        lazy.get(c + "/" + id).andExpect(content().string(containsString("精选作业")))
                .andExpect(content().string(containsString("产品经理的职责")));

        owner.get(c + "/" + id + "/edit").andExpect(status().isOk()).andExpect(content().string(containsString(due.toString())));
        owner.form(c + "/" + id + "/close").andExpect(status().is3xxRedirection());
        member.get(c).andExpect(content().string(containsString("已关闭")));
        // the tab bar leads here
        member.get("/c/" + community.slug() + "/posts").andExpect(content().string(containsString("href=\"" + c + "\"")));
        // and so does the community's about page
        member.get("/c/" + community.slug() + "/about").andExpect(content().string(containsString("community-assignments\" href=\"" + c + "\"")));
    }
}
