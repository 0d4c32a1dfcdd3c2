package org.shequn.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Check-in challenges through the API: runners set one up (and bad settings are refused with nothing written),
 * members check in once a day by the challenge's own wall clock, make up a missed day within the quota, and see
 * their streak, calendar and the leaderboard; runners review and feature. The clock is moved to chosen local times.
 */
@IntegrationTest
@RecordApplicationEvents
class CheckInTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationEvents events;

    Api api;
    TestCommunity community;
    TestCommunity.Cast cast;

    void scene() throws Exception {
        api = new Api(mvc);
        community = TestCommunity.create(api, jdbc, "checkin-");
        cast = community.cast();
    }

    String base() {
        return community.base() + "/checkins";
    }

    /** Moves the application's clock to this wall-clock time in this zone. */
    void at(ZoneId zone, LocalDateTime wall) {
        var target = wall.atZone(zone).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
    }

    static Map<String, Object> challenge(String title, LocalDate start, LocalDate end, Object... more) {
        var body = Api.obj("title", title, "rules", "每天跑 **3 公里**。", "startsOn", start.toString(),
                "endsOn", end.toString(), "frequency", "DAILY");
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    long create(Map<String, Object> body) throws Exception {
        return Api.body(api.post(cast.owner(), base(), body).andExpect(status().isCreated())).get("id").asLong();
    }

    ResultActions checkIn(Api.User user, long challenge, String text, String date, byte[]... images) throws Exception {
        var request = MockMvcRequestBuilders.multipart(base() + "/" + challenge + "/entries").param("text", text);
        if (date != null) {
            request.param("date", date);
        }
        for (var image : images) {
            request.file(new MockMultipartFile("images", "p.png", "image/png", image));
        }
        return mvc.perform(request.header("Authorization", user.bearer())
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    }

    JsonNode calendar(Api.User user, long challenge) throws Exception {
        return Api.body(api.get(user, base() + "/" + challenge + "/calendar").andExpect(status().isOk()));
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void runnersSetUpAChallengeAndBadSettingsAreRefusedWithNothingWritten() throws Exception {
        scene();
        var start = LocalDate.of(2026, 12, 1);
        long before = rows("checkin_challenges");
        api.post(cast.owner(), base(), challenge("晨跑", start, start.plusDays(20), "zone", "Mars/Olympus"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("zone"));
        api.post(cast.owner(), base(), challenge("晨跑", start, start.minusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        api.post(cast.owner(), base(), challenge("晨跑", start, start.plusDays(20), "frequency", "WEEKDAYS",
                "weekdays", List.of())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("weekdays"));
        // 1 to 3 December 2026 are a Tuesday to a Thursday: no Saturday among them
        api.post(cast.owner(), base(), challenge("晨跑", start, start.plusDays(2), "frequency", "WEEKDAYS",
                "weekdays", List.of("SATURDAY"))).andExpect(status().isBadRequest());
        api.post(cast.owner(), base(), challenge("晨跑", start, start.plusDays(5), "frequency", "DATES", "dates", List.of()))
                .andExpect(status().isBadRequest());
        api.post(cast.owner(), base(), challenge("晨跑", start, start.plusDays(5), "onTimeUntil", "22:00", "lateUntil", "09:00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lateUntil"));
        api.post(cast.owner(), base(), challenge("", start, start.plusDays(5))).andExpect(status().isBadRequest());
        api.post(cast.member(), base(), challenge("晨跑", start, start.plusDays(5))).andExpect(status().isForbidden());
        assertThat(rows("checkin_challenges")).isEqualTo(before);

        var created = Api.body(api.post(cast.admin(), base(), challenge("晨跑", start, start.plusDays(20),
                "dayStartHour", 2, "onTimeUntil", "09:00", "lateUntil", "23:30", "makeUpQuota", 1)).andExpect(status().isCreated()));
        assertThat(created.get("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(created.get("rulesHtml").asString()).contains("<strong>3 公里</strong>");
        assertThat(created.get("challengeDays").asInt()).isEqualTo(21);
        long id = created.get("id").asLong();
        api.put(cast.owner(), base() + "/" + id, challenge("晨跑（改）", start, start.plusDays(30)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("晨跑（改）"));
        api.post(cast.owner(), base() + "/" + id + "/close", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(true));
        api.post(cast.owner(), base() + "/" + id + "/close", null).andExpect(status().isConflict());
        api.get(cast.member(), base()).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
    }

    @Test
    void aMemberChecksInOnceADayAndAWeekdaysStreakSurvivesTheWeekend() throws Exception {
        scene();
        // Monday 7 December 2026 to Friday 18 December, weekdays only
        long id = create(challenge("工作日读书", LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 18),
                "frequency", "WEEKDAYS", "weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "onTimeUntil", "09:00"));
        var member = cast.member();
        at(SHANGHAI, LocalDateTime.of(2026, 12, 6, 8, 0));
        checkIn(member, id, "还没开始", null).andExpect(status().isConflict());
        for (int day = 7; day <= 11; day++) {
            at(SHANGHAI, LocalDateTime.of(2026, 12, day, day == 9 ? 20 : 7, 30));
            checkIn(member, id, "第 " + day + " 天，读了二十页。", null).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.localDate").value("2026-12-" + String.format("%02d", day)))
                    .andExpect(jsonPath("$.standing").value(day == 9 ? "LATE" : "ON_TIME"));
        }
        long before = rows("check_ins");
        checkIn(member, id, "再来一次", null).andExpect(status().isConflict());
        at(SHANGHAI, LocalDateTime.of(2026, 12, 12, 8, 0));
        checkIn(member, id, "周六也想打卡", null).andExpect(status().isConflict());
        checkIn(member, id, "明天的", "2026-12-14").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        assertThat(rows("check_ins")).isEqualTo(before);

        // Monday: the weekend is no gap
        at(SHANGHAI, LocalDateTime.of(2026, 12, 14, 8, 0));
        var before14 = calendar(member, id);
        assertThat(before14.get("stats").get("currentStreak").asInt()).isEqualTo(5);
        checkIn(member, id, "周一继续", null).andExpect(status().isCreated());
        var cal = calendar(member, id);
        assertThat(cal.get("stats").get("currentStreak").asInt()).isEqualTo(6);
        assertThat(cal.get("stats").get("totalDays").asInt()).isEqualTo(6);
        assertThat(cal.get("stats").get("onTimeRate").asInt()).isEqualTo(83);
        assertThat(cal.get("days")).hasSize(10);
        assertThat(cal.get("days").get(2).get("state").asString()).isEqualTo("LATE");
        assertThat(cal.get("days").get(6).get("state").asString()).isEqualTo("UPCOMING");

        // Wednesday: Tuesday was missed, the streak is broken (the longest stays)
        at(SHANGHAI, LocalDateTime.of(2026, 12, 16, 8, 0));
        cal = calendar(member, id);
        assertThat(cal.get("stats").get("currentStreak").asInt()).isZero();
        assertThat(cal.get("stats").get("longestStreak").asInt()).isEqualTo(6);
        assertThat(cal.get("days").get(6).get("state").asString()).isEqualTo("MISSED");
        assertThat(cal.get("days").get(7).get("state").asString()).isEqualTo("TODAY");
        assertThat(events.stream(CheckedIn.class).filter(e -> e.challengeId() == id).count()).isEqualTo(6);
    }

    @Test
    void aMakeUpFillsAMissedDayWithinTheQuotaAndJoinsTheStreak() throws Exception {
        scene();
        long id = create(challenge("每日一画", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "makeUpQuota", 1,
                "makeUpPer", "WEEK"));
        var member = cast.member();
        for (int day : new int[]{7, 8, 10}) {
            at(SHANGHAI, LocalDateTime.of(2026, 12, day, 12, 0));
            checkIn(member, id, "画了一张", null).andExpect(status().isCreated());
        }
        assertThat(calendar(member, id).get("stats").get("longestStreak").asInt()).isEqualTo(2);
        checkIn(member, id, "补周三", "2026-12-09").andExpect(status().isCreated())
                .andExpect(jsonPath("$.standing").value("MADE_UP"));
        var cal = calendar(member, id);
        assertThat(cal.get("stats").get("currentStreak").asInt()).isEqualTo(4);
        assertThat(cal.get("stats").get("madeUpDays").asInt()).isEqualTo(1);
        assertThat(cal.get("days").get(8).get("state").asString()).isEqualTo("MADE_UP");
        // the week's one make-up is used: the 1st to the 6th of December are another week (and one is left there)
        long before = rows("check_ins");
        checkIn(member, id, "再补一天", "2026-12-09").andExpect(status().isConflict());
        assertThat(cal.get("missed")).isNotEmpty();
        checkIn(member, id, "补上周", "2026-12-06").andExpect(status().isCreated());
        checkIn(member, id, "再补上周", "2026-12-05").andExpect(status().isConflict());
        checkIn(member, id, "不是挑战日", "2026-11-30").andExpect(status().isBadRequest());
        checkIn(member, id, "将来", "2026-12-11").andExpect(status().isBadRequest());
        assertThat(rows("check_ins")).isEqualTo(before + 1);
    }

    @Test
    void theDayStartHourAndTheWindowsFollowTheWallClockAcrossADaylightSavingChange() throws Exception {
        scene();
        // New York, 7 to 10 March 2026: the clocks went from 02:00 to 03:00 on Sunday the 8th
        long id = create(challenge("纽约晨读", LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 12), "zone", "America/New_York",
                "dayStartHour", 2, "onTimeUntil", "09:00"));
        var member = cast.member();
        // Saturday 01:30 counts for Friday the 6th (late: past Friday's 09:00)
        at(NEW_YORK, LocalDateTime.of(2026, 3, 7, 1, 30));
        checkIn(member, id, "周五深夜", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.localDate").value("2026-03-06")).andExpect(jsonPath("$.standing").value("LATE"));
        at(NEW_YORK, LocalDateTime.of(2026, 3, 7, 8, 30));
        checkIn(member, id, "周六早上", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.localDate").value("2026-03-07")).andExpect(jsonPath("$.standing").value("ON_TIME"));
        // 23 hours later it is Sunday 08:30 on the wall clock: on time, the next day
        clock.advance(Duration.ofHours(23));
        checkIn(member, id, "周日早上", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.localDate").value("2026-03-08")).andExpect(jsonPath("$.standing").value("ON_TIME"));
        // Monday 08:30 EDT
        at(NEW_YORK, LocalDateTime.of(2026, 3, 9, 8, 30));
        checkIn(member, id, "周一早上", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.localDate").value("2026-03-09"));
        var cal = calendar(member, id);
        assertThat(cal.get("today").asString()).isEqualTo("2026-03-09");
        assertThat(cal.get("stats").get("currentStreak").asInt()).isEqualTo(4);
        assertThat(cal.get("stats").get("onTimeDays").asInt()).isEqualTo(3);
        var stored = jdbc.sql("select local_date from check_ins where challenge_id = ? order by local_date")
                .param(id).query(LocalDate.class).list();
        assertThat(stored).containsExactly(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 8),
                LocalDate.of(2026, 3, 9));
    }

    @Test
    void aCheckInPastTheLateWindowIsRefused() throws Exception {
        scene();
        long id = create(challenge("早起", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "onTimeUntil", "07:00",
                "lateUntil", "10:00"));
        at(SHANGHAI, LocalDateTime.of(2026, 12, 8, 10, 30));
        checkIn(cast.member(), id, "睡过头了", null).andExpect(status().isConflict());
        at(SHANGHAI, LocalDateTime.of(2026, 12, 9, 9, 30));
        checkIn(cast.member(), id, "晚了点", null).andExpect(status().isCreated()).andExpect(jsonPath("$.standing").value("LATE"));
    }

    @Test
    void theLeaderboardRanksByDaysThenTheLongestStreak() throws Exception {
        scene();
        long id = create(challenge("背单词", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "makeUpQuota", 5,
                "makeUpPer", "CHALLENGE"));
        var core = cast.core();
        var member = cast.member();
        var admin = cast.admin();
        at(SHANGHAI, LocalDateTime.of(2026, 12, 10, 12, 0));
        for (var day : List.of("2026-12-07", "2026-12-08", "2026-12-09")) {
            checkIn(core, id, "背了 50 个", day).andExpect(status().isCreated());
        }
        checkIn(core, id, "今天也背了", null).andExpect(status().isCreated());
        checkIn(member, id, "补一天", "2026-12-01").andExpect(status().isCreated());
        checkIn(member, id, "补一天", "2026-12-03").andExpect(status().isCreated());
        checkIn(admin, id, "补一天", "2026-12-08").andExpect(status().isCreated());
        checkIn(admin, id, "补一天", "2026-12-09").andExpect(status().isCreated());
        var board = Api.body(api.get(cast.outsider(), base() + "/" + id + "/leaderboard"));
        assertThat(board.has("status")).isTrue();
        board = Api.body(api.get(member, base() + "/" + id + "/leaderboard").andExpect(status().isOk()));
        assertThat(board).hasSize(3);
        assertThat(board.get(0).get("accountId").asLong()).isEqualTo(core.id());
        assertThat(board.get(0).get("currentStreak").asInt()).isEqualTo(4);
        assertThat(board.get(1).get("accountId").asLong()).isEqualTo(admin.id());
        assertThat(board.get(1).get("currentStreak").asInt()).isEqualTo(2);
        assertThat(board.get(2).get("accountId").asLong()).isEqualTo(member.id());
        assertThat(board.get(2).get("currentStreak").asInt()).isZero();
        assertThat(calendar(member, id).get("stats").get("rank").asInt()).isEqualTo(3);
        var today = Api.body(api.get(member, base() + "/" + id + "/entries").andExpect(status().isOk()));
        assertThat(today).hasSize(1);
        assertThat(today.get(0).get("displayName").asString()).isEqualTo("核心成员");
    }

    @Test
    void membersWithTheSameDaysAndStreakShareAPlace() throws Exception {
        scene();
        long id = create(challenge("晨跑", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
        var core = cast.core();
        var member = cast.member();
        var admin = cast.admin();
        at(SHANGHAI, LocalDateTime.of(2026, 12, 9, 7, 0));
        checkIn(core, id, "5 公里", null).andExpect(status().isCreated());
        checkIn(member, id, "3 公里", null).andExpect(status().isCreated());
        at(SHANGHAI, LocalDateTime.of(2026, 12, 10, 7, 0));
        for (var who : List.of(core, member, admin)) {
            checkIn(who, id, "又跑了", null).andExpect(status().isCreated());
        }
        var board = Api.body(api.get(admin, base() + "/" + id + "/leaderboard").andExpect(status().isOk()));
        assertThat(board).hasSize(3);
        assertThat(board.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(board.get(1).get("rank").asInt()).isEqualTo(1);
        assertThat(board.get(2).get("rank").asInt()).isEqualTo(3);
        assertThat(board.get(2).get("accountId").asLong()).isEqualTo(admin.id());
        assertThat(calendar(core, id).get("stats").get("rank").asInt()).isEqualTo(1);
        assertThat(calendar(member, id).get("stats").get("rank").asInt()).isEqualTo(1);
        assertThat(calendar(admin, id).get("stats").get("rank").asInt()).isEqualTo(3);
    }

    @Test
    void whatMembersWriteComesBackInertAndImagesAreForMembersOnly() throws Exception {
        scene();
        long id = create(challenge("<img src=x onerror=alert(1)>打卡", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31),
                "rules", "<script>alert(1)</script>\n\n**规则**"));
        at(SHANGHAI, LocalDateTime.of(2026, 12, 8, 12, 0));
        var made = Api.body(checkIn(cast.member(), id, "<script>alert('x')</script><img src=x onerror=alert(1)>跑完了",
                null, StickerFiles.png(40, 30)).andExpect(status().isCreated()));
        assertThat(made.get("bodyHtml").asString()).doesNotContain("<script").doesNotContain("<img").contains("跑完了");
        // the answer is the check-in as the day's list reads it back from the database
        assertThat(Api.body(api.get(cast.member(), base() + "/" + id + "/entries")).get(0)).isEqualTo(made);
        var challengeView = Api.body(api.get(cast.member(), base() + "/" + id));
        assertThat(challengeView.get("rulesHtml").asString()).doesNotContain("<script").contains("<strong>规则</strong>");
        var url = made.get("imageUrls").get(0).asString();
        assertThat(url).startsWith("/c/" + community.slug() + "/checkins/" + id + "/images/");
        mvc.perform(MockMvcRequestBuilders.get(url).header("Authorization", cast.core().bearer()))
                .andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get(url.replace("/c/" + community.slug(), base().replace("/checkins", ""))).header("Authorization", cast.outsider().bearer())
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isForbidden());
        // ten images, or a file that is no picture: refused, nothing written
        long before = rows("check_ins");
        var ten = new byte[10][];
        java.util.Arrays.fill(ten, StickerFiles.png(8, 8));
        checkIn(cast.core(), id, "十张", null, ten).andExpect(status().isBadRequest());
        checkIn(cast.core(), id, "不是图", null, "not a picture at all".getBytes()).andExpect(status().isBadRequest());
        checkIn(cast.core(), id, "\u0007控制字符", null).andExpect(status().isBadRequest());
        checkIn(cast.core(), id, "", null).andExpect(status().isBadRequest());
        assertThat(rows("check_ins")).isEqualTo(before);
    }

    @Test
    void runnersReviewAndFeatureACheckIn() throws Exception {
        scene();
        long id = create(challenge("写作", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
        at(SHANGHAI, LocalDateTime.of(2026, 12, 8, 12, 0));
        long checkIn = Api.body(checkIn(cast.member(), id, "今天写了一千字", null)).get("id").asLong();
        var path = base() + "/" + id + "/entries/" + checkIn;
        api.post(cast.core(), path + "/reviews", Api.obj("text", "写得好")).andExpect(status().isForbidden());
        var reviewed = Api.body(api.post(cast.owner(), path + "/reviews", Api.obj("text", "<b onmouseover=x>结构清楚</b>，继续！"))
                .andExpect(status().isOk()));
        assertThat(reviewed.get("reviews").get(0).get("reviewerName").asString()).isEqualTo("群主");
        assertThat(reviewed.get("reviews").get(0).get("bodyHtml").asString()).doesNotContain("<b ").contains("继续");
        var event = events.stream(CheckInReviewed.class).filter(e -> e.checkInId() == checkIn).findFirst().orElseThrow();
        assertThat(event.reviewerId()).isEqualTo(cast.owner().id());
        assertThat(event.memberId()).isEqualTo(cast.member().id());
        assertThat(event.communityId()).isEqualTo(community.id());
        // the review is an interaction, the reviewer with the member reviewed, at the check-in
        assertThat(Api.body(api.get(cast.owner(), "/api/v1/communities/" + community.slug() + "/interactions")))
                .anySatisfy(i -> {
                    assertThat(i.get("kind").asString()).isEqualTo("CHECK_IN_REVIEW");
                    assertThat(i.get("actorId").asLong()).isEqualTo(cast.owner().id());
                    assertThat(i.get("otherId").asLong()).isEqualTo(cast.member().id());
                    assertThat(i.get("place").asString()).isEqualTo("checkin:" + checkIn);
                });
        api.put(cast.admin(), path + "/featured", null).andExpect(status().isOk()).andExpect(jsonPath("$.featured").value(true));
        assertThat(Api.body(api.get(cast.member(), base() + "/" + id + "/featured"))).hasSize(1);
        api.delete(cast.admin(), path + "/featured").andExpect(status().isOk()).andExpect(jsonPath("$.featured").value(false));
        api.post(cast.owner(), base() + "/" + id + "/entries/999999999/reviews", Api.obj("text", "x")).andExpect(status().isNotFound());
    }
}
