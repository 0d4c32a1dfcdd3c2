package org.shequn.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.shequn.reaction.StickerFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Assignments through the API: runners set one (bad settings refused with nothing written), members hand in text,
 * images and a file once and revise it until it is scored or due, late work is marked or refused, reviewers score,
 * comment and feature (the member is told, and it is an interaction), and see who has and has not handed in.
 */
@IntegrationTest
class AssignmentTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    org.shequn.shared.files.FileStore files;

    Api api;
    TestCommunity community;
    TestCommunity.Cast cast;

    void scene() throws Exception {
        api = new Api(mvc);
        community = TestCommunity.create(api, jdbc, "assign-");
        cast = community.cast();
    }

    String base() {
        return community.base() + "/assignments";
    }

    /** Due so many hours from now, on the Shanghai wall clock. */
    static String dueIn(TestClock clock, long hours) {
        return LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(hours)), SHANGHAI).withSecond(0).withNano(0).toString();
    }

    Map<String, Object> assignment(String title, Object... more) {
        var body = Api.obj("title", title, "description", "读完第一章，写 **500 字** 读后感。", "dueAt", dueIn(clock, 48),
                "maxScore", 100, "reviewerIds", List.of(cast.core().id()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    long create(Map<String, Object> body) throws Exception {
        return Api.body(api.post(cast.owner(), base(), body).andExpect(status().isCreated())).get("id").asLong();
    }

    ResultActions handIn(HttpMethod method, Api.User user, long id, String text, MockMultipartFile file, byte[]... images)
            throws Exception {
        MockMultipartHttpServletRequestBuilder request = method == HttpMethod.PUT
                ? MockMvcRequestBuilders.multipart(HttpMethod.PUT, base() + "/" + id + "/submissions/mine")
                : MockMvcRequestBuilders.multipart(base() + "/" + id + "/submissions");
        if (text != null) {
            request.param("text", text);
        }
        for (var image : images) {
            request.file(new MockMultipartFile("images", "p.png", "image/png", image));
        }
        if (file != null) {
            request.file(file);
        }
        return mvc.perform(request.header("Authorization", user.bearer())
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    }

    ResultActions submit(Api.User user, long id, String text, MockMultipartFile file, byte[]... images) throws Exception {
        return handIn(HttpMethod.POST, user, id, text, file, images);
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    int told(long accountId, String kind) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and kind = ?").params(accountId, kind)
                .query(Integer.class).single();
    }

    static MockMultipartFile pdf(String name, int bytes) {
        return new MockMultipartFile("file", name, "application/pdf", new byte[bytes]);
    }

    @Test
    void runnersSetAnAssignmentAndBadSettingsAreRefusedWithNothingWritten() throws Exception {
        scene();
        long before = rows("assignments");
        api.post(cast.owner(), base(), assignment("读后感", "dueAt", dueIn(clock, -1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueAt"));
        api.post(cast.owner(), base(), assignment("读后感", "remindHoursBefore", 0))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("remindHoursBefore"));
        api.post(cast.owner(), base(), assignment("读后感", "remindHoursBefore", 169)).andExpect(status().isBadRequest());
        api.post(cast.owner(), base(), assignment("读后感", "reviewerIds", List.of(cast.outsider().id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reviewerIds"));
        api.post(cast.owner(), base(), assignment("读后感", "zone", "Mars/Olympus"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("zone"));
        api.post(cast.owner(), base(), assignment("读后感", "maxScore", 0)).andExpect(status().isBadRequest());
        api.post(cast.owner(), base(), assignment("")).andExpect(status().isBadRequest());
        api.post(cast.member(), base(), assignment("读后感")).andExpect(status().isForbidden());
        api.post(cast.core(), base(), assignment("读后感")).andExpect(status().isForbidden());
        assertThat(rows("assignments")).isEqualTo(before);

        var created = Api.body(api.post(cast.admin(), base(), assignment("读后感", "remindHoursBefore", 24,
                "description", "[看这里](javascript:alert(1)) **重点**\n\n<script>alert(1)</script>\n\n<a href=\"javascript:alert(1)\">点我</a>", "dueAt", "2031-03-01T20:00",
                "zone", "Europe/Berlin")).andExpect(status().isCreated()));
        assertThat(created.get("descriptionHtml").asString()).doesNotContain("<script").doesNotContain("href=\"javascript")
                .contains("<strong>重点</strong>");
        // 20:00 in Berlin (CET, UTC+1) is 19:00 UTC
        assertThat(created.get("dueAt").asString()).startsWith("2031-03-01T19:00");
        assertThat(created.get("dueLocal").asString()).isEqualTo("2031-03-01 20:00");
        assertThat(created.get("reviewers").get(0).get("displayName").asString()).isEqualTo("核心成员");
        assertThat(created.get("overdue").asBoolean()).isFalse();
        long id = created.get("id").asLong();
        api.put(cast.owner(), base() + "/" + id, assignment("读后感（改）", "maxScore", null))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("读后感（改）"))
                .andExpect(jsonPath("$.maxScore").doesNotExist());
        assertThat(Api.body(api.get(cast.member(), base()))).anySatisfy(a -> assertThat(a.get("id").asLong()).isEqualTo(id));
        api.get(cast.outsider(), base() + "/" + id).andExpect(status().isForbidden());
        api.post(cast.owner(), base() + "/" + id + "/close", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(true));
        api.post(cast.owner(), base() + "/" + id + "/close", null).andExpect(status().isConflict());
        submit(cast.member(), id, "交了", null).andExpect(status().isConflict());
    }

    @Test
    void aMemberHandsInOnceRevisesUntilScoredAndBadSubmissionsAreRefusedWithNothingWritten() throws Exception {
        scene();
        long id = create(assignment("读后感"));
        long before = rows("assignment_submissions");
        submit(cast.member(), id, "", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        submit(cast.member(), id, "字".repeat(5001), null).andExpect(status().isBadRequest());
        var ten = new byte[10][];
        java.util.Arrays.fill(ten, StickerFiles.png(8, 8));
        submit(cast.member(), id, "十张图", null, ten).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("images"));
        submit(cast.member(), id, "网页", new MockMultipartFile("file", "evil.html", "text/html",
                "<script>alert(1)</script>".getBytes())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        submit(cast.member(), id, "程序", new MockMultipartFile("file", "run.exe", "application/octet-stream", new byte[10]))
                .andExpect(status().isBadRequest());
        submit(cast.member(), id, "太大", pdf("big.pdf", 20 * 1024 * 1024 + 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        submit(cast.outsider(), id, "路过", null).andExpect(status().isForbidden());
        assertThat(rows("assignment_submissions")).isEqualTo(before);
        api.get(cast.member(), base() + "/" + id + "/submissions/mine").andExpect(status().isNoContent());

        var handed = Api.body(submit(cast.member(), id, "读后感：[链接](javascript:alert(1)) **很好**\n\n<script>alert(1)</script>",
                pdf("我的读后感.pdf", 2048), StickerFiles.png(40, 30)).andExpect(status().isCreated()));
        assertThat(handed.get("bodyHtml").asString()).doesNotContain("<script").doesNotContain("href=\"javascript").contains("<strong>很好</strong>");
        assertThat(handed.get("late").asBoolean()).isFalse();
        assertThat(handed.get("imageUrls")).hasSize(1);
        assertThat(handed.get("file").get("name").asString()).isEqualTo("我的读后感.pdf");
        // a second hand-in is a revision, not a second submission
        submit(cast.member(), id, "再交一份", null).andExpect(status().isConflict());
        assertThat(rows("assignment_submissions")).isEqualTo(before + 1);

        // the file is a download of opaque bytes, never rendered from our origin
        var fileUrl = "/api/v1/communities/" + community.slug() + "/assignments/" + id + "/submissions/"
                + handed.get("id").asLong() + "/file";
        api.get(cast.member(), fileUrl).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "application/octet-stream"));
        // another member sees neither until it is featured; the reviewer does
        api.get(cast.admin(), fileUrl).andExpect(status().isOk());
        api.get(cast.core(), fileUrl).andExpect(status().isOk());
        var other = community.seat("另一位成员", "MEMBER");
        api.get(other, fileUrl).andExpect(status().isNotFound());

        var revised = Api.body(handIn(HttpMethod.PUT, cast.member(), id, "改过的读后感", null).andExpect(status().isOk()));
        assertThat(revised.get("body").asString()).isEqualTo("改过的读后感");
        assertThat(revised.get("imageUrls")).hasSize(1);
        assertThat(revised.get("file").get("name").asString()).isEqualTo("我的读后感.pdf");
        assertThat(revised.get("revisedAt").isNull()).isFalse();
        handIn(HttpMethod.PUT, cast.admin(), id, "没交过", null).andExpect(status().isConflict());

        // the named reviewer scores; bad scores are refused and write nothing
        long submission = handed.get("id").asLong();
        var review = base() + "/" + id + "/submissions/" + submission + "/review";
        api.put(cast.core(), review, Api.obj("score", 101)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        api.put(cast.core(), review, Api.obj("score", -1)).andExpect(status().isBadRequest());
        api.put(cast.core(), review, Api.obj()).andExpect(status().isBadRequest());
        api.put(other, review, Api.obj("score", 90)).andExpect(status().isForbidden());
        api.put(cast.member(), review, Api.obj("score", 100)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from assignment_submissions where id = ? and reviewed_at is not null")
                .param(submission).query(Long.class).single()).isZero();
        var scored = Api.body(api.put(cast.core(), review, Api.obj("score", 85,
                "comment", "结构清楚，[更多](javascript:alert(1))\n\n<img src=x onerror=alert(1)>")).andExpect(status().isOk()));
        assertThat(scored.get("score").asInt()).isEqualTo(85);
        assertThat(scored.get("maxScore").asInt()).isEqualTo(100);
        assertThat(scored.get("reviewerName").asString()).isEqualTo("核心成员");
        assertThat(scored.get("commentHtml").asString()).doesNotContain("<img").doesNotContain("href=\"javascript").contains("结构清楚");
        // scored: final
        handIn(HttpMethod.PUT, cast.member(), id, "还想改", null).andExpect(status().isConflict());
        var mine = Api.body(api.get(cast.member(), base() + "/" + id + "/submissions/mine").andExpect(status().isOk()));
        assertThat(mine.get("score").asInt()).isEqualTo(85);
        assertThat(mine.get("comment").asString()).contains("结构清楚");
        await().atMost(Duration.ofSeconds(20)).until(() -> told(cast.member().id(), "ASSIGNMENT_REVIEWED") == 1);

        // the review is an interaction, the reviewer with the member, at the submission
        assertThat(Api.body(api.get(cast.owner(), community.base() + "/interactions"))).anySatisfy(i -> {
            assertThat(i.get("kind").asString()).isEqualTo("ASSIGNMENT_REVIEW");
            assertThat(i.get("actorId").asLong()).isEqualTo(cast.core().id());
            assertThat(i.get("otherId").asLong()).isEqualTo(cast.member().id());
            assertThat(i.get("place").asString()).isEqualTo("assignment-submission:" + submission);
        });

        // featured: every member sees it and its file; the member is told
        api.get(other, base() + "/" + id + "/featured").andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        api.put(cast.admin(), base() + "/" + id + "/submissions/" + submission + "/featured", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.featured").value(true));
        assertThat(Api.body(api.get(other, base() + "/" + id + "/featured"))).hasSize(1);
        api.get(other, fileUrl).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(20)).until(() -> told(cast.member().id(), "ASSIGNMENT_FEATURED") == 1);
        api.delete(cast.core(), base() + "/" + id + "/submissions/" + submission + "/featured").andExpect(status().isOk())
                .andExpect(jsonPath("$.featured").value(false));
        api.put(cast.owner(), base() + "/" + id + "/submissions/999999999/review", Api.obj("score", 1))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRevisionLeavesNoOldFilesBehindAndTheMaximumNeverFallsBelowAGivenScore() throws Exception {
        scene();
        long id = create(assignment("读后感"));
        long submission = Api.body(submit(cast.member(), id, "第一版", pdf("初稿.pdf", 1024), StickerFiles.png(20, 20))
                .andExpect(status().isCreated())).get("id").asLong();
        var firstFile = jdbc.sql("select file_key from assignment_submissions where id = ?").param(submission)
                .query(String.class).single();
        var firstImage = jdbc.sql("select file_key from assignment_submission_images where submission_id = ?")
                .param(submission).query(String.class).single();
        assertThat(files.get(firstFile)).isPresent();
        assertThat(files.get(firstImage)).isPresent();

        // a refused revision (too large a file) keeps the old ones
        handIn(HttpMethod.PUT, cast.member(), id, "第二版", pdf("太大.pdf", 20 * 1024 * 1024 + 1))
                .andExpect(status().isBadRequest());
        assertThat(files.get(firstFile)).isPresent();
        // new images and a new file replace the old, which leave the store
        var revised = Api.body(handIn(HttpMethod.PUT, cast.member(), id, "第二版", pdf("二稿.pdf", 2048),
                StickerFiles.png(30, 30)).andExpect(status().isOk()));
        assertThat(revised.get("file").get("name").asString()).isEqualTo("二稿.pdf");
        assertThat(files.get(firstFile)).isEmpty();
        assertThat(files.get(firstImage)).isEmpty();
        var secondFile = jdbc.sql("select file_key from assignment_submissions where id = ?").param(submission)
                .query(String.class).single();
        // removing the file removes it from the store too
        mvc.perform(MockMvcRequestBuilders.multipart(HttpMethod.PUT, base() + "/" + id + "/submissions/mine")
                .param("text", "第三版").param("removeFile", "true").header("Authorization", cast.member().bearer())
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk()).andExpect(jsonPath("$.file").doesNotExist());
        assertThat(files.get(secondFile)).isEmpty();

        // scored 85 of 100: the maximum may go down to 85, not below, and the assignment keeps its scores
        api.put(cast.core(), base() + "/" + id + "/submissions/" + submission + "/review", Api.obj("score", 85))
                .andExpect(status().isOk());
        api.put(cast.owner(), base() + "/" + id, assignment("读后感", "maxScore", 80)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxScore"))
                .andExpect(jsonPath("$.errors[0].message").value("已有作业得了 85 分，满分不能低于它。"));
        api.get(cast.owner(), base() + "/" + id).andExpect(jsonPath("$.maxScore").value(100));
        api.put(cast.owner(), base() + "/" + id, assignment("读后感", "maxScore", 85)).andExpect(status().isOk())
                .andExpect(jsonPath("$.maxScore").value(85));
    }

    @Test
    void afterTheDueTimeWorkIsMarkedLateOrRefusedAndReviewersSeeWhoHasNotHandedIn() throws Exception {
        scene();
        long lateOk = create(assignment("可补交", "acceptsLate", true));
        long strict = create(assignment("不补交", "acceptsLate", false));
        long commentOnly = create(assignment("只点评", "maxScore", null));
        submit(cast.member(), lateOk, "按时交的", null).andExpect(status().isCreated());
        submit(cast.member(), strict, "按时交的", null).andExpect(status().isCreated());
        submit(cast.admin(), commentOnly, "交了", null).andExpect(status().isCreated());

        clock.advance(Duration.ofHours(49));
        var late = Api.body(submit(cast.core(), lateOk, "迟交的", null).andExpect(status().isCreated()));
        assertThat(late.get("late").asBoolean()).isTrue();
        long before = rows("assignment_submissions");
        submit(cast.core(), strict, "迟交的", null).andExpect(status().isConflict());
        handIn(HttpMethod.PUT, cast.member(), strict, "想改", null).andExpect(status().isConflict());
        assertThat(rows("assignment_submissions")).isEqualTo(before);
        // a revision after the due time, where late work is taken, makes it late
        assertThat(Api.body(handIn(HttpMethod.PUT, cast.member(), lateOk, "截止后改的", null).andExpect(status().isOk()))
                .get("late").asBoolean()).isTrue();
        assertThat(Api.body(api.get(cast.member(), base() + "/" + strict)).get("overdue").asBoolean()).isTrue();

        // comment-only: a score is refused, a comment is fine
        long adminSubmission = Api.body(api.get(cast.admin(), base() + "/" + commentOnly + "/submissions/mine")).get("id").asLong();
        var review = base() + "/" + commentOnly + "/submissions/" + adminSubmission + "/review";
        api.put(cast.owner(), review, Api.obj("score", 10)).andExpect(status().isBadRequest());
        api.put(cast.owner(), review, Api.obj("comment", "很好")).andExpect(status().isOk())
                .andExpect(jsonPath("$.score").doesNotExist());

        // who has and has not handed in: the members (owner, admin, core, member) minus those who did
        var roster = Api.body(api.get(cast.core(), base() + "/" + lateOk + "/roster").andExpect(status().isOk()));
        assertThat(roster.get("members").asLong()).isEqualTo(4);
        assertThat(roster.get("submitted").asLong()).isEqualTo(2);
        assertThat(roster.get("notSubmitted").asLong()).isEqualTo(2);
        assertThat(roster.get("late").asLong()).isEqualTo(2);
        assertThat(names(roster.get("missing"))).containsExactlyInAnyOrder("群主", "管理员");
        assertThat(names(roster.get("handedIn"))).containsExactlyInAnyOrder("普通成员", "核心成员");
        api.get(cast.member(), base() + "/" + lateOk + "/roster").andExpect(status().isForbidden());
        api.get(cast.member(), base() + "/" + lateOk + "/submissions").andExpect(status().isForbidden());

        // the unscored filter
        var all = Api.body(api.get(cast.owner(), base() + "/" + lateOk + "/submissions").andExpect(status().isOk()));
        assertThat(all).hasSize(2);
        long first = all.get(0).get("id").asLong();
        api.put(cast.owner(), base() + "/" + lateOk + "/submissions/" + first + "/review", Api.obj("score", 60))
                .andExpect(status().isOk());
        var unscored = Api.body(api.get(cast.owner(), base() + "/" + lateOk + "/submissions?unscored=true"));
        assertThat(unscored).hasSize(1);
        assertThat(unscored.get(0).get("id").asLong()).isNotEqualTo(first);
    }

    static List<String> names(JsonNode entries) {
        var names = new java.util.ArrayList<String>();
        entries.forEach(e -> names.add(e.get("displayName").asString()));
        return names;
    }
}
