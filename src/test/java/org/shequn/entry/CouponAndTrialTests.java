package org.shequn.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.payment.Payments;
import org.shequn.payment.TestMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Owner-issued coupons (amount or percent off, expiry, a use limit never exceeded) and the free trial, over HTTP. */
@IntegrationTest
// the test mode is on by default only on H2: the PostgreSQL run switches it on too
@TestPropertySource(properties = "shequn.payment.test.enabled=true")
class CouponAndTrialTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestMode testMode;
    @Autowired
    Payments payments;
    @Autowired
    TestClock clock;
    Api api;
    Api.User owner;
    String slug;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        owner = api.register("群主");
        slug = Api.unique("coupon");
        base = "/api/v1/communities/" + slug + "/entry";
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug, "OPEN", 100)).andExpect(status().isCreated());
        api.put(owner, base, Api.obj("feeMinor", 10000, "termDays", 365, "refundHours", 72, "trialDays", 7))
                .andExpect(status().isOk());
    }

    @Autowired
    org.shequn.ledger.LedgerInvariants invariants;

    @AfterEach
    void checkTheLedger() {
        org.shequn.ledger.LedgerAssertions.assertBalanced(invariants);
    }

    String role(Api.User user) {
        return jdbc.sql("select m.role from memberships m join communities c on c.id = m.community_id where c.slug = ? and m.account_id = ?")
                .params(slug, user.id()).query(String.class).optional().orElse(null);
    }

    @Test
    void couponsTakeTheirPartOffAndBadOnesAreRefused() throws Exception {
        api.post(owner, base + "/coupons", Api.obj("code", "EARLY20", "percentOff", 20, "maxUses", 10)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.uses").value(0));
        api.post(owner, base + "/coupons", Api.obj("code", "MINUS30", "amountOffMinor", 3000, "maxUses", 10, "expiresInHours", 24))
                .andExpect(status().isCreated());
        // bad coupons: both kinds, neither, 100 %, a negative amount, no limit, a taken code, odd characters
        for (var bad : java.util.List.of(Api.obj("code", "BOTH", "percentOff", 10, "amountOffMinor", 100, "maxUses", 1),
                Api.obj("code", "NONE", "maxUses", 1), Api.obj("code", "ALL", "percentOff", 100, "maxUses", 1),
                Api.obj("code", "NEG", "amountOffMinor", -5, "maxUses", 1), Api.obj("code", "NOLIMIT", "percentOff", 5),
                Api.obj("code", "bad code!", "percentOff", 5, "maxUses", 1))) {
            api.post(owner, base + "/coupons", bad).andExpect(status().isBadRequest());
        }
        api.post(owner, base + "/coupons", Api.obj("code", "EARLY20", "percentOff", 5, "maxUses", 1)).andExpect(status().isConflict());
        var member = api.register("成员");
        api.post(member, base + "/coupons", Api.obj("code", "MINE", "percentOff", 50, "maxUses", 1)).andExpect(status().isForbidden());
        api.get(member, base + "/coupons").andExpect(status().isForbidden());
        api.get(owner, base + "/coupons").andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));

        var buyer = api.register("买家");
        api.post(buyer, base + "/checkout", Api.obj("channel", "TEST", "coupon", "EARLY20")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.amountMinor").value(8000));
        api.post(buyer, base + "/checkout", Api.obj("channel", "TEST", "coupon", "MINUS30")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.amountMinor").value(7000));
        api.post(buyer, base + "/checkout", Api.obj("channel", "TEST", "coupon", "NOSUCH")).andExpect(status().isBadRequest());
        clock.advance(Duration.ofHours(25));
        api.post(buyer, base + "/checkout", Api.obj("channel", "TEST", "coupon", "MINUS30")).andExpect(status().isConflict());
    }

    @Test
    void aCouponIsNeverUsedBeyondItsLimitEvenByConcurrentPayers() throws Exception {
        api.post(owner, base + "/coupons", Api.obj("code", "TWO", "amountOffMinor", 5000, "maxUses", 2)).andExpect(status().isCreated());
        var buyers = new ArrayList<Api.User>();
        var paymentIds = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            var buyer = api.register("抢券" + i);
            buyers.add(buyer);
            paymentIds.add(Api.body(api.post(buyer, base + "/checkout", Api.obj("channel", "TEST", "coupon", "TWO"))
                    .andExpect(status().isCreated())).get("paymentId").asLong());
        }
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                int n = i;
                pool.submit(() -> {
                    start.await();
                    return testMode.simulateSuccess(paymentIds.get(n), buyers.get(n).id());
                });
            }
            start.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from entry_payments p join communities c on c.id = p.community_id where c.slug = ? and p.status in ('PAID', 'REFUSED')")
                .param(slug).query(Integer.class).single()).isEqualTo(6));
        assertThat(buyers.stream().filter(b -> "MEMBER".equals(role(b))).count()).isEqualTo(2);
        assertThat(jdbc.sql("select uses from entry_coupons e join communities c on c.id = e.community_id where c.slug = ?")
                .param(slug).query(Integer.class).single()).isEqualTo(2);
        long refunded = paymentIds.stream().filter(id -> payments.find(id).orElseThrow().refunded().minor() == 5000).count();
        assertThat(refunded).isEqualTo(4);
        // and the next one is told at checkout
        api.post(api.register("晚来"), base + "/checkout", Api.obj("channel", "TEST", "coupon", "TWO"))
                .andExpect(status().isConflict());
    }

    @Test
    void aFreeTrialAdmitsOnceUntilItsLastDayThenEntryCostsTheFee() throws Exception {
        var trier = api.register("试用者");
        api.post(trier, base + "/trial", null).andExpect(status().isCreated());
        assertThat(role(trier)).isEqualTo("MEMBER");
        api.get(trier, "/api/v1/communities/" + slug + "/posts").andExpect(status().isOk());
        clock.advance(Duration.ofDays(8));
        api.get(trier, "/api/v1/communities/" + slug + "/posts").andExpect(status().isForbidden());
        api.post(trier, base + "/trial", null).andExpect(status().isConflict());
        var started = Api.body(api.post(trier, base + "/checkout", Api.obj("channel", "TEST")).andExpect(status().isCreated()));
        assertThat(started.get("amountMinor").asLong()).isEqualTo(10000);
        assertThat(testMode.simulateSuccess(started.get("paymentId").asLong(), trier.id())).isTrue();
        await().untilAsserted(() -> api.get(trier, "/api/v1/communities/" + slug + "/posts").andExpect(status().isOk()));
        api.post(api.register("无试用"), "/api/v1/communities/" + slug + "/entry/trial", null).andExpect(status().isCreated());
        api.put(owner, base, Api.obj("feeMinor", 10000, "termDays", 365, "refundHours", 72)).andExpect(status().isOk());
        api.post(api.register("来晚了"), base + "/trial", null).andExpect(status().isConflict());
    }
}
