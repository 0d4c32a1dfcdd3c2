package org.shequn.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The door: staff open a guest's ticket link (green once, red after, with when and by whom; yellow for the wrong
 * day, the waitlist, a cancelled registration, another event, a forged ticket); anyone else checks nobody in.
 * Attendance, no-shows and feedback afterwards.
 */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class EventDoorTests {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents published;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Test
    void staffOpeningATicketSeeGreenThenRedAndOthersCheckNobodyIn() throws Exception {
        var s = EventScene.create(mvc, jdbc, clock);
        long id = s.create("capacity", 1);
        var guest = s.browser("来宾", "MEMBER");
        var waiting = s.member("候补者");
        guest.web().form(s.pages() + "/" + id + "/register").andExpect(status().is3xxRedirection());
        s.api().post(waiting, s.base() + "/" + id + "/registration", null).andExpect(jsonPath("$.mine.state").value("WAITLISTED"));
        var ticket = "/tickets/" + s.ticket(id, guest.id());
        var staff = s.browser("门口管理员", "ADMIN");
        var bystander = s.browser("旁人", "MEMBER");

        // before the day: yellow, nothing written
        staff.web().get(ticket).andExpect(status().isOk())
                .andExpect(content().string(containsString("不可签到")))
                .andExpect(content().string(containsString("今天不是活动日")));
        clock.advance(Duration.ofDays(2).plusMinutes(10));
        // a member who is not staff sees a refusal and checks nobody in; the guest sees their own ticket
        bystander.web().get(ticket).andExpect(status().isOk())
                .andExpect(content().string(containsString("只有本活动的工作人员可以签到")))
                .andExpect(content().string(not(containsString("来宾"))));
        guest.web().get(ticket).andExpect(content().string(containsString("我的入场码")));
        assertThat(checkedIn(id, guest.id())).isNull();
        // staff: green, then red with when and by whom
        staff.web().get(ticket).andExpect(status().isOk())
                .andExpect(content().string(containsString("door-green")))
                .andExpect(content().string(containsString("已签到")))
                .andExpect(content().string(containsString("来宾")));
        assertThat(checkedIn(id, guest.id())).isEqualTo(staff.id());
        staff.web().get(ticket).andExpect(content().string(containsString("door-red")))
                .andExpect(content().string(containsString("已使用")))
                .andExpect(content().string(containsString("由 门口管理员 签到")));
        // a forged ticket, and a waitlisted guest's ticket
        staff.web().get("/tickets/forged-" + "x".repeat(40)).andExpect(content().string(containsString("door-yellow")))
                .andExpect(content().string(containsString("无效的入场码")));
        staff.web().get("/tickets/" + s.ticket(id, waiting.id())).andExpect(content().string(containsString("还在候补名单上")));
        // the guest list shows who came
        staff.web().get(s.pages() + "/" + id + "/registrations").andExpect(status().isOk())
                .andExpect(content().string(containsString("已签到 1")));
    }

    @Test
    void aTicketForAnotherEventIsRefusedAtThisEventsDoorAndTheApiAnswersEachCase() throws Exception {
        var s = EventScene.create(mvc, jdbc, clock);
        long here = s.create("title", "这场");
        long there = s.create("title", "那场");
        var a = s.member("甲");
        var b = s.member("乙");
        s.api().post(a, s.base() + "/" + here + "/registration", null).andExpect(status().isOk());
        s.api().post(b, s.base() + "/" + there + "/registration", null).andExpect(status().isOk());
        var staff = s.browser("门口管理员", "ADMIN");
        clock.advance(Duration.ofDays(2).plusMinutes(10));
        // at the door of "here" (its guest list is open), a ticket for "there" is yellow
        staff.web().get(s.pages() + "/" + here + "/registrations").andExpect(status().isOk());
        staff.web().get("/tickets/" + s.ticket(there, b.id())).andExpect(content().string(containsString("这张票属于另一个活动")));
        assertThat(checkedIn(there, b.id())).isNull();

        var checkIns = s.base() + "/" + here + "/check-ins";
        var admin = s.cast().admin();
        s.api().post(admin, checkIns, Api.obj("ticket", s.ticket(there, b.id()))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("这张票属于另一个活动。"));
        s.api().post(admin, checkIns, Api.obj("ticket", "AAAA" + s.ticket(here, a.id()).substring(4) + "x"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("无效的入场码：系统中没有这张票。"));
        s.api().post(s.cast().member(), checkIns, Api.obj("ticket", s.ticket(here, a.id()))).andExpect(status().isForbidden());
        s.api().post(admin, checkIns, Api.obj("ticket", s.ticket(here, a.id()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("CHECKED_IN")).andExpect(jsonPath("$.guestName").value("甲"));
        s.api().post(s.cast().owner(), checkIns, Api.obj("ticket", s.ticket(here, a.id()))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("由 管理员 签到过")));
        assertThat(checkedIn(here, a.id())).isEqualTo(admin.id());
        // the interactions: each seat, and the one check-in with the staff member who made it
        assertThat(published.stream(EventRegistered.class).filter(e -> e.eventId() == here).map(EventRegistered::accountId))
                .containsExactly(a.id());
        assertThat(published.stream(EventAttended.class).toList()).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(here);
            assertThat(e.accountId()).isEqualTo(a.id());
            assertThat(e.staffId()).isEqualTo(admin.id());
            assertThat(e.communityId()).isEqualTo(s.community().id());
        });
    }

    @Test
    void aNamedHelperChecksInAndAttendeesGiveFeedbackOnceWhileNoShowsAreCounted() throws Exception {
        var s = EventScene.create(mvc, jdbc, clock);
        var helper = s.browser("签到助手", "MEMBER");
        long id = s.create("helperIds", List.of(helper.id()));
        var came = s.member("到场");
        var absent = s.member("缺席");
        s.api().post(came, s.base() + "/" + id + "/registration", null).andExpect(status().isOk());
        s.api().post(absent, s.base() + "/" + id + "/registration", null).andExpect(status().isOk());
        clock.advance(Duration.ofDays(2).plusMinutes(10));
        helper.web().get("/tickets/" + s.ticket(id, came.id())).andExpect(content().string(containsString("door-green")));
        var feedback = s.base() + "/" + id + "/feedback";
        s.api().post(absent, feedback, Api.obj("rating", 5, "comment", "没去")).andExpect(status().isConflict());
        s.api().post(came, feedback, Api.obj("rating", 6, "comment", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rating"));
        s.api().post(came, feedback, Api.obj("rating", 4, "comment", "<script>alert(1)</script>很好"))
                .andExpect(status().isNoContent());
        s.api().post(came, feedback, Api.obj("rating", 5, "comment", "")).andExpect(status().isConflict());
        clock.advance(Duration.ofHours(3));
        var guests = Api.body(s.api().get(s.cast().owner(), s.base() + "/" + id + "/registrations").andExpect(status().isOk()));
        assertThat(guests.get("attended").asInt()).isEqualTo(1);
        assertThat(guests.get("noShows").asInt()).isEqualTo(1);
        assertThat(guests.get("averageRating").asDouble()).isEqualTo(4.0);
        var page = helper.web().get(s.pages() + "/" + id + "/registrations").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("未到场 1").contains("&lt;script&gt;alert(1)&lt;/script&gt;很好").doesNotContain("<script>alert(1)");
    }

    @Test
    void attendeesAndStaffFillThePhotoAlbumAfterTheStartThroughTheImageChecks() throws Exception {
        var s = EventScene.create(mvc, jdbc, clock);
        long id = s.create();
        var came = s.member("到场");
        var absent = s.member("缺席");
        s.api().post(came, s.base() + "/" + id + "/registration", null).andExpect(status().isOk());
        s.api().post(absent, s.base() + "/" + id + "/registration", null).andExpect(status().isOk());
        var photos = s.base() + "/" + id + "/photos";
        // before the start, nobody adds one
        upload(s.cast().owner(), photos, png()).andExpect(status().isConflict());
        clock.advance(Duration.ofDays(2).plusMinutes(10));
        s.api().post(s.cast().admin(), s.base() + "/" + id + "/check-ins", Api.obj("ticket", s.ticket(id, came.id())))
                .andExpect(status().isOk());
        upload(absent, photos, png()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("只有到场签到的成员和工作人员可以上传照片。"));
        upload(came, photos, "<html><script>alert(1)</script></html>".getBytes()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        var added = Api.body(upload(came, photos, png()).andExpect(status().isCreated()));
        upload(s.cast().owner(), photos, png()).andExpect(status().isCreated());
        s.api().get(s.cast().member(), photos).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].uploaderName").value("到场"));
        s.api().get(s.cast().member(), s.base() + "/" + id + "/photos/" + added.get("id").asLong() + "/image")
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        s.api().get(s.cast().outsider(), s.base() + "/" + id + "/photos/" + added.get("id").asLong() + "/image")
                .andExpect(status().isForbidden());
        var member = s.browser("看相册", "MEMBER");
        member.web().get(s.pages() + "/" + id).andExpect(content().string(containsString("活动相册")))
                .andExpect(content().string(containsString("/photos/" + added.get("id").asLong() + "/image")));
    }

    @Test
    void aPhotoIsRemovedByWhoeverAddedItOrTheStaffAndNobodyElse() throws Exception {
        var s = EventScene.create(mvc, jdbc, clock);
        long id = s.create();
        var came = s.member("到场");
        var other = s.member("另一位");
        for (var guest : java.util.List.of(came, other)) {
            s.api().post(guest, s.base() + "/" + id + "/registration", null).andExpect(status().isOk());
        }
        clock.advance(Duration.ofDays(2).plusMinutes(10));
        for (var guest : java.util.List.of(came, other)) {
            s.api().post(s.cast().admin(), s.base() + "/" + id + "/check-ins", Api.obj("ticket", s.ticket(id, guest.id())))
                    .andExpect(status().isOk());
        }
        var photos = s.base() + "/" + id + "/photos";
        long mine = Api.body(upload(came, photos, png()).andExpect(status().isCreated())).get("id").asLong();
        long theirs = Api.body(upload(other, photos, png()).andExpect(status().isCreated())).get("id").asLong();
        s.api().get(came, photos).andExpect(jsonPath("$[0].mayDelete").value(true))
                .andExpect(jsonPath("$[1].mayDelete").value(false));
        s.api().get(s.cast().admin(), photos).andExpect(jsonPath("$[1].mayDelete").value(true));
        s.api().delete(came, photos + "/" + theirs).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只有上传者和活动工作人员可以删除这张照片。"));
        s.api().delete(s.cast().outsider(), photos + "/" + theirs).andExpect(status().isForbidden());
        s.api().delete(came, photos + "/" + mine).andExpect(status().isNoContent());
        s.api().get(came, photos + "/" + mine + "/image").andExpect(status().isNotFound());
        s.api().delete(came, photos + "/" + mine).andExpect(status().isNotFound());
        // on the page, through the form the album shows: the staff take out someone else's
        var admin = s.browser("网页管理员", "ADMIN");
        var page = admin.web().get(s.pages() + "/" + id).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("/photos/" + theirs + "/delete").doesNotContain("/photos/" + mine + "/image");
        admin.web().form(s.pages() + "/" + id + "/photos/" + theirs + "/delete").andExpect(status().is3xxRedirection());
        s.api().get(came, photos).andExpect(jsonPath("$.length()").value(0));
        assertThat(jdbc.sql("select count(*) from event_photos where event_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    private org.springframework.test.web.servlet.ResultActions upload(Api.User user, String path, byte[] bytes) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
                .file(new org.springframework.mock.web.MockMultipartFile("file", "photo.png", "image/png", bytes))
                .header("Authorization", user.bearer()));
    }

    private static byte[] png() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Long checkedIn(long eventId, long accountId) {
        return jdbc.sql("select checked_in_by from event_registrations where event_id = ? and account_id = ?")
                .params(eventId, accountId).query(Long.class).optional().orElse(null);
    }
}
