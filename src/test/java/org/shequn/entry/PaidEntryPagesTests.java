package org.shequn.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Paid entry through the pages: the owner's settings form, paying on the entry page through the test mode, refunding. */
@IntegrationTest
// the test mode is on by default only on H2: the PostgreSQL run switches it on too
@TestPropertySource(properties = "shequn.payment.test.enabled=true")
class PaidEntryPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Test
    void anOwnerSetsTheFeeOnTheSettingsPageAndANewcomerPaysOnTheEntryPage() throws Exception {
        var owner = new WebSession(mvc);
        owner.register("群主");
        var slug = Api.unique("paidpage");
        owner.form("/communities/new", "name", "付费读书会", "slug", slug, "visibility", "PUBLIC", "memberCap", "40",
                "entryPolicy", "OPEN").andExpect(status().is3xxRedirection());
        owner.get("/c/" + slug + "/manage/entry").andExpect(status().isOk())
                .andExpect(content().string(containsString("付费入群设置")));
        // a negative fee and a word for days: both fields told, nothing saved
        owner.form("/c/" + slug + "/manage/entry", "feeMinor", "-5", "termDays", "一年", "refundHours", "72")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("field-feeMinor")))
                .andExpect(content().string(containsString("请输入金额")));
        assertThat(jdbc.sql("select count(*) from entry_terms t join communities c on c.id = t.community_id where c.slug = ?")
                .param(slug).query(Integer.class).single()).isZero();
        owner.form("/c/" + slug + "/manage/entry", "feeMinor", "99.00", "termDays", "365", "renewalMinor", "69",
                "refundHours", "72").andExpect(status().is3xxRedirection());
        owner.get("/c/" + slug + "/entry").andExpect(content().string(containsString("¥99.00")));

        var newcomer = new WebSession(mvc);
        newcomer.register("新人");
        // the join button of a paid community leads to its entry page
        newcomer.form("/c/" + slug + "/join").andExpect(header().string("Location", "/c/" + slug + "/entry"));
        newcomer.get("/c/" + slug + "/entry").andExpect(status().isOk())
                .andExpect(content().string(containsString("付款入群")))
                .andExpect(content().string(containsString("测试模式")));
        var location = newcomer.form("/c/" + slug + "/entry/checkout", "channel", "TEST")
                .andExpect(header().string("Location", matchesPattern("/payments/\\d+/test")))
                .andReturn().getResponse().getHeader("Location");
        newcomer.form(location).andExpect(header().string("Location", "/c/" + slug + "/entry"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> newcomer.get("/c/" + slug + "/entry")
                .andExpect(content().string(containsString("你的会员有效期至")))
                .andExpect(content().string(containsString("申请退款"))));
        newcomer.get("/c/" + slug + "/posts").andExpect(status().isOk());

        newcomer.form("/c/" + slug + "/entry/refund").andExpect(status().is3xxRedirection());
        newcomer.get("/c/" + slug + "/entry").andExpect(content().string(not(containsString("你的会员有效期至"))));
        newcomer.get("/c/" + slug + "/posts").andExpect(status().isForbidden());
    }

    @Test
    void anExpiredMemberIsToldSoOnTheFeedWithTheRenewLink() throws Exception {
        var owner = new WebSession(mvc);
        owner.register("群主");
        var slug = Api.unique("paidexp");
        owner.form("/communities/new", "name", "到期读书会", "slug", slug, "visibility", "PUBLIC", "memberCap", "40",
                "entryPolicy", "OPEN").andExpect(status().is3xxRedirection());
        owner.form("/c/" + slug + "/manage/entry", "feeMinor", "10", "termDays", "30", "refundHours", "0")
                .andExpect(status().is3xxRedirection());
        var member = new WebSession(mvc).english();
        member.register("member");
        var location = member.form("/c/" + slug + "/entry/checkout", "channel", "TEST").andReturn().getResponse().getHeader("Location");
        member.form(location);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> member.get("/c/" + slug + "/posts").andExpect(status().isOk()));
        clock.advance(Duration.ofDays(31));
        member.get("/c/" + slug + "/posts").andExpect(status().isForbidden())
                .andExpect(content().string(containsString("/c/" + slug + "/entry")));
        member.get("/c/" + slug + "/entry").andExpect(content().string(containsString("Your membership ended on")))
                .andExpect(content().string(containsString("Renew")));
    }

    @Test
    void anOwnerIssuesACouponOnTheSettingsPageAndANewcomerTriesForFree() throws Exception {
        var owner = new WebSession(mvc);
        owner.register("群主");
        var slug = Api.unique("paidcoupon");
        owner.form("/communities/new", "name", "试用读书会", "slug", slug, "visibility", "PUBLIC", "memberCap", "40",
                "entryPolicy", "OPEN").andExpect(status().is3xxRedirection());
        owner.form("/c/" + slug + "/manage/entry", "feeMinor", "50", "termDays", "365", "refundHours", "72", "trialDays", "3")
                .andExpect(status().is3xxRedirection());
        owner.form("/c/" + slug + "/manage/entry/coupons", "code", "HALF", "percentOff", "50", "maxUses", "0")
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("field-maxUses")));
        owner.form("/c/" + slug + "/manage/entry/coupons", "code", "HALF", "percentOff", "50", "maxUses", "3")
                .andExpect(status().is3xxRedirection());
        owner.get("/c/" + slug + "/manage/entry").andExpect(content().string(containsString("HALF")))
                .andExpect(content().string(containsString("已用 0/3")));

        var newcomer = new WebSession(mvc);
        newcomer.register("新人");
        newcomer.get("/c/" + slug + "/entry").andExpect(content().string(containsString("免费试用 3 天")));
        newcomer.form("/c/" + slug + "/entry/checkout", "channel", "TEST", "coupon", "NOPE")
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("没有这个优惠码")));
        newcomer.form("/c/" + slug + "/entry/trial").andExpect(header().string("Location", "/c/" + slug + "/posts"));
        newcomer.get("/c/" + slug + "/posts").andExpect(status().isOk());
        newcomer.get("/c/" + slug + "/entry").andExpect(content().string(not(containsString("免费试用 3 天"))));
    }
}
