package org.shequn.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.payment.PaymentSucceeded;
import org.shequn.payment.Payments;
import org.shequn.payment.TestMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Paid entry through HTTP: the owner's terms, checkout through the test mode, admission once paid (once), approval
 * then payment, invitation then payment, expiry at the gate, renewal, reminders, refunds in and after the window.
 */
@IntegrationTest
// the test mode is on by default only on H2: the PostgreSQL run switches it on too
@TestPropertySource(properties = "shequn.payment.test.enabled=true")
class PaidEntryTests {

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
    @Autowired
    EntryAdmission admission;
    @Autowired
    EntryReminders reminders;
    Api api;
    Api.User owner;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        owner = api.register("群主");
    }

    @Autowired
    org.shequn.ledger.LedgerInvariants invariants;
    @Autowired
    org.shequn.ledger.Ledger ledger;

    @AfterEach
    void checkTheLedger() {
        org.shequn.ledger.LedgerAssertions.assertBalanced(invariants);
    }

    String community(String policy) throws Exception {
        var slug = Api.unique("paid");
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug, policy, 40)).andExpect(status().isCreated());
        return slug;
    }

    static Map<String, Object> terms(Object fee, Object days, Object renewal, Object refundHours) {
        return Api.obj("feeMinor", fee, "termDays", days, "renewalMinor", renewal, "refundHours", refundHours);
    }

    String paid(String policy) throws Exception {
        var slug = community(policy);
        api.put(owner, "/api/v1/communities/" + slug + "/entry", terms(9900, 365, 6900, 72)).andExpect(status().isOk());
        return slug;
    }

    String role(String slug, long accountId) {
        return jdbc.sql("select m.role from memberships m join communities c on c.id = m.community_id where c.slug = ? and m.account_id = ?")
                .params(slug, accountId).query(String.class).optional().orElse(null);
    }

    /** Starts a checkout through the test mode; returns the answer (the payment to pay). */
    tools.jackson.databind.JsonNode checkout(Api.User user, String slug, String code) throws Exception {
        return Api.body(api.post(user, "/api/v1/communities/" + slug + "/entry/checkout", Api.obj("channel", "TEST", "code", code))
                .andExpect(status().isCreated()));
    }

    void pay(Api.User user, tools.jackson.databind.JsonNode started) {
        assertThat(testMode.simulateSuccess(started.get("paymentId").asLong(), user.id())).isTrue();
    }

    void awaitRole(String slug, Api.User user, String role) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(role(slug, user.id())).isEqualTo(role));
    }

    String entryStatus(long entryPaymentId) {
        return jdbc.sql("select status from entry_payments where id = ?").param(entryPaymentId).query(String.class).single();
    }

    @Test
    void anOwnerSetsTermsAndBadTermsAreRefusedWithNothingWritten() throws Exception {
        var slug = community("OPEN");
        var base = "/api/v1/communities/" + slug + "/entry";
        api.get(null, base).andExpect(status().isOk()).andExpect(jsonPath("$.paid").value(false));
        for (var bad : new Map[] {terms(-100, 365, null, 72), terms(0, 365, null, 72), terms(10_000_001, 365, null, 72),
                terms(9900, 0, null, 72), terms(9900, 365, -1, 72), terms(9900, 365, null, -1), terms(9900, 365, null, 100_000),
                terms(null, 365, null, 72), terms(9900, null, 6900, 72)}) {
            api.put(owner, base, bad).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").exists());
        }
        assertThat(jdbc.sql("select count(*) from entry_terms t join communities c on c.id = t.community_id where c.slug = ?")
                .param(slug).query(Integer.class).single()).isZero();
        var member = api.register("会员");
        api.post(member, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
        // only the owner sets the fee
        api.put(member, base, terms(9900, 365, null, 72)).andExpect(status().isForbidden());
        api.put(null, base, terms(9900, 365, null, 72)).andExpect(status().isUnauthorized());
        api.put(owner, base, terms(9900, 365, 6900, 72)).andExpect(status().isOk())
                .andExpect(jsonPath("$.feeMinor").value(9900)).andExpect(jsonPath("$.renewalMinor").value(6900));
        api.get(null, base).andExpect(jsonPath("$.paid").value(true)).andExpect(jsonPath("$.termDays").value(365))
                .andExpect(jsonPath("$.refundHours").value(72));
        // who joined before the fee keeps their membership, with no end: nothing to renew, still reads the content
        api.get(member, base).andExpect(jsonPath("$.mine.member").value(true)).andExpect(jsonPath("$.mine.expiresAt").doesNotExist());
        clock.advance(Duration.ofDays(800));
        api.get(member, "/api/v1/communities/" + slug + "/posts").andExpect(status().isOk());
        api.post(member, base + "/checkout", Api.obj("channel", "TEST")).andExpect(status().isConflict());
        // a paid community is not joined for free
        var newcomer = api.register("新人");
        api.post(newcomer, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("/c/" + slug + "/entry")));
        assertThat(role(slug, newcomer.id())).isNull();
    }

    @Test
    void payingForAnOpenCommunityAdmitsOnceUntilTheEndOfTheTerm() throws Exception {
        var slug = paid("OPEN");
        var joiner = api.register("付费者");
        var started = checkout(joiner, slug, null);
        assertThat(started.get("amountMinor").asLong()).isEqualTo(9900);
        assertThat(started.get("testMode").asBoolean()).isTrue();
        assertThat(started.get("value").asString()).isEqualTo("/payments/" + started.get("paymentId").asLong() + "/test");
        // not a member before paying; the same checkout again is the same payment
        assertThat(role(slug, joiner.id())).isNull();
        assertThat(checkout(joiner, slug, null).get("paymentId").asLong()).isEqualTo(started.get("paymentId").asLong());
        pay(joiner, started);
        awaitRole(slug, joiner, "MEMBER");
        long entryPaymentId = started.get("entryPaymentId").asLong();
        await().untilAsserted(() -> assertThat(entryStatus(entryPaymentId)).isEqualTo("PAID"));
        var expires = jdbc.sql("select m.expires_at from memberships m join communities c on c.id = m.community_id where c.slug = ? and m.account_id = ?")
                .params(slug, joiner.id()).query(OffsetDateTime.class).single();
        assertThat(expires).isBetween(OffsetDateTime.now().plusDays(364), OffsetDateTime.now().plusDays(366));
        // the button again, and the same notification delivered again: one membership, one EntryPaid
        assertThat(testMode.simulateSuccess(started.get("paymentId").asLong(), joiner.id())).isFalse();
        var view = payments.find(started.get("paymentId").asLong()).orElseThrow();
        admission.on(new PaymentSucceeded(view.id(), view.purpose(), view.amount(), view.channel(), "TEST-again", view.paidAt()));
        assertThat(jdbc.sql("select count(*) from memberships m join communities c on c.id = m.community_id where c.slug = ? and m.account_id = ?")
                .params(slug, joiner.id()).query(Integer.class).single()).isOne();
        assertThat(payments.find(view.id()).orElseThrow().refunded().minor()).isZero();
        api.get(joiner, "/api/v1/communities/" + slug + "/posts").andExpect(status().isOk());
        api.post(joiner, "/api/v1/communities/" + slug + "/entry/checkout", Api.obj("channel", "TEST"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.renewal").value(true))
                .andExpect(jsonPath("$.amountMinor").value(6900));
    }

    @Test
    void approvalThenPaymentAndARejectedApplicantPaysNothing() throws Exception {
        var slug = paid("APPROVAL");
        var base = "/api/v1/communities/" + slug;
        var applicant = api.register("申请人");
        // no payment before applying, nor while the application waits
        api.post(applicant, base + "/entry/checkout", Api.obj("channel", "TEST")).andExpect(status().isForbidden());
        long app = Api.body(api.post(applicant, base + "/applications", Api.obj("answers", java.util.List.of("产品经理", "启示录")))
                .andExpect(status().isCreated())).get("id").asLong();
        api.post(applicant, base + "/entry/checkout", Api.obj("channel", "TEST")).andExpect(status().isConflict());
        api.post(owner, base + "/applications/" + app + "/approve", null).andExpect(status().isNoContent());
        // approved, awaiting payment, and told so with the way to pay
        assertThat(role(slug, applicant.id())).isNull();
        await().untilAsserted(() -> assertThat(notifications(applicant, "APPLICATION_APPROVED_PAY")).isOne());
        assertThat(notifications(applicant, "APPLICATION_APPROVED")).isZero();
        pay(applicant, checkout(applicant, slug, null));
        awaitRole(slug, applicant, "MEMBER");

        var rejected = api.register("被拒者");
        long other = Api.body(api.post(rejected, base + "/applications", Api.obj("answers", java.util.List.of("a", "b")))).get("id").asLong();
        api.post(owner, base + "/applications/" + other + "/reject", Api.obj("reason", "名额已满")).andExpect(status().isNoContent());
        api.post(rejected, base + "/entry/checkout", Api.obj("channel", "TEST")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from entry_payments where account_id = ?").param(rejected.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void anInviteePaysAfterAccepting() throws Exception {
        var slug = paid("INVITATION");
        var base = "/api/v1/communities/" + slug;
        var code = Api.body(api.post(owner, base + "/invitations", Api.obj("expiresInHours", 24, "maxUses", 1))).get("code").asString();
        var invitee = api.register("受邀者");
        api.post(invitee, base + "/entry/checkout", Api.obj("channel", "TEST")).andExpect(status().isBadRequest());
        api.post(invitee, base + "/entry/checkout", Api.obj("channel", "TEST", "code", "nope")).andExpect(status().isBadRequest());
        api.post(invitee, base + "/join", Api.obj("code", code)).andExpect(status().isForbidden());
        pay(invitee, checkout(invitee, slug, code));
        awaitRole(slug, invitee, "MEMBER");
        assertThat(jdbc.sql("select joined_via from memberships m join communities c on c.id = m.community_id where c.slug = ? and m.account_id = ?")
                .params(slug, invitee.id()).query(String.class).single()).isEqualTo("INVITATION");
    }

    @Test
    void anExpiredMemberLosesAccessKeepsHistoryIsRemindedOnceAndRenews() throws Exception {
        var slug = paid("OPEN");
        var base = "/api/v1/communities/" + slug;
        var member = api.register("到期者");
        pay(member, checkout(member, slug, null));
        awaitRole(slug, member, "MEMBER");
        long post = Api.body(api.post(member, base + "/posts", Api.obj("kind", "DISCUSSION", "title", "我的读书笔记", "body", "第一章。"))
                .andExpect(status().isCreated())).get("id").asLong();

        clock.advance(Duration.ofDays(359));
        reminders.sendDue();
        reminders.sendDue();
        await().untilAsserted(() -> assertThat(notifications(member, "ENTRY_EXPIRING_SOON")).isOne());
        clock.advance(Duration.ofDays(5).plusHours(1));
        reminders.sendDue();
        reminders.sendDue();
        await().untilAsserted(() -> assertThat(notifications(member, "ENTRY_EXPIRING_TOMORROW")).isOne());
        assertThat(notifications(member, "ENTRY_EXPIRING_SOON")).isOne();

        clock.advance(Duration.ofDays(2));
        api.get(member, base + "/posts").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("到期")))
                .andExpect(jsonPath("$.action.href").value("/c/" + slug + "/entry"))
                .andExpect(jsonPath("$.action.label").value("续费"));
        api.get(member, base + "/entry").andExpect(jsonPath("$.mine.expired").value(true))
                .andExpect(jsonPath("$.mine.mayRenew").value(true));
        // history kept: the post is still there for the owner
        api.get(owner, base + "/posts/" + post).andExpect(status().isOk());

        var renewal = checkout(member, slug, null);
        assertThat(renewal.get("renewal").asBoolean()).isTrue();
        assertThat(renewal.get("amountMinor").asLong()).isEqualTo(6900);
        pay(member, renewal);
        await().untilAsserted(() -> api.get(member, base + "/posts").andExpect(status().isOk()));
        var expires = jdbc.sql("select m.expires_at from memberships m join communities c on c.id = m.community_id where c.slug = ? and m.account_id = ?")
                .params(slug, member.id()).query(OffsetDateTime.class).single();
        // extended from now (the old end had passed), by the term
        var now = OffsetDateTime.now(clock);
        assertThat(expires).isBetween(now.plusDays(364), now.plusDays(366));
    }

    @Test
    void aRenewalBeforeTheEndExtendsFromTheOldEnd() throws Exception {
        var slug = paid("OPEN");
        var member = api.register("提前续费");
        pay(member, checkout(member, slug, null));
        awaitRole(slug, member, "MEMBER");
        var first = expiry(slug, member);
        pay(member, checkout(member, slug, null));
        await().untilAsserted(() -> assertThat(expiry(slug, member)).isAfter(first.plusDays(364)));
        assertThat(expiry(slug, member)).isBefore(first.plusDays(366));
    }

    @Test
    void aRefundWithinTheWindowEndsTheMembershipAndAfterItIsRefused() throws Exception {
        var slug = paid("OPEN");
        var base = "/api/v1/communities/" + slug;
        var member = api.register("退款者");
        var started = checkout(member, slug, null);
        pay(member, started);
        awaitRole(slug, member, "MEMBER");
        await().untilAsserted(() -> assertThat(entryStatus(started.get("entryPaymentId").asLong())).isEqualTo("PAID"));
        // an outsider has nothing to refund, and cannot reach anyone else's payment
        var outsider = api.register("路人");
        api.post(outsider, base + "/entry/refund", null).andExpect(status().isConflict());
        api.post(null, base + "/entry/refund", null).andExpect(status().isUnauthorized());
        assertThat(role(slug, member.id())).isEqualTo("MEMBER");

        clock.advance(Duration.ofHours(71));
        api.post(member, base + "/entry/refund", null).andExpect(status().isOk()).andExpect(jsonPath("$.amountMinor").value(9900));
        assertThat(role(slug, member.id())).isNull();
        assertThat(payments.find(started.get("paymentId").asLong()).orElseThrow().refunded().minor()).isEqualTo(9900);
        assertThat(entryStatus(started.get("entryPaymentId").asLong())).isEqualTo("REFUNDED");
        api.post(member, base + "/entry/refund", null).andExpect(status().isConflict());

        var late = api.register("晚退款");
        var second = checkout(late, slug, null);
        pay(late, second);
        awaitRole(slug, late, "MEMBER");
        await().untilAsserted(() -> assertThat(entryStatus(second.get("entryPaymentId").asLong())).isEqualTo("PAID"));
        // the community is owed the fee less the platform's 5%, pending until the refund window closes
        long communityId = jdbc.sql("select id from communities where slug = ?").param(slug).query(Long.class).single();
        var income = org.shequn.ledger.Account.communityEntry(communityId);
        assertThat(ledger.balance(income).pending().minor()).isEqualTo(9405);
        clock.advance(Duration.ofHours(73));
        assertThat(ledger.balance(income).settleable().minor()).isEqualTo(9405);
        api.post(late, base + "/entry/refund", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("退款期已过")));
        assertThat(role(slug, late.id())).isEqualTo("MEMBER");
        assertThat(payments.find(second.get("paymentId").asLong()).orElseThrow().refunded().minor()).isZero();
    }

    @Test
    void aPaymentForTheLastSeatSomeoneElseTookIsRefundedInFull() throws Exception {
        var slug = Api.unique("paid");
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug, "OPEN", 2)).andExpect(status().isCreated());
        api.put(owner, "/api/v1/communities/" + slug + "/entry", terms(9900, 365, null, 72)).andExpect(status().isOk());
        var first = api.register("先付");
        var second = api.register("后付");
        var a = checkout(first, slug, null);
        var b = checkout(second, slug, null);
        pay(first, a);
        awaitRole(slug, first, "MEMBER");
        pay(second, b);
        await().untilAsserted(() -> assertThat(entryStatus(b.get("entryPaymentId").asLong())).isEqualTo("REFUSED"));
        assertThat(role(slug, second.id())).isNull();
        assertThat(payments.find(b.get("paymentId").asLong()).orElseThrow().refunded().minor()).isEqualTo(9900);
        // the money was in the ledger while it went back (received into 待退款, returned), and no entry fee was owed
        long paymentId = b.get("paymentId").asLong();
        var returned = payments.returned(paymentId).orElseThrow();
        assertThat(returned.amount().minor()).isEqualTo(9900);
        assertThat(returned.returnedAt()).isNotNull();
        assertThat(jdbc.sql("select count(*) from ledger_transactions where reference = ?").param("payment:" + paymentId)
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from ledger_transactions where reference = ?")
                .param("entry:" + b.get("entryPaymentId").asLong()).query(Long.class).single()).isZero();
        org.shequn.ledger.LedgerAssertions.assertBalanced(invariants, Map.of("payment:" + paymentId,
                org.shequn.shared.money.Money.cny(0)));
        // delivered again: nothing more
        admission.on(new org.shequn.payment.PaymentSucceeded(paymentId, "entry:" + b.get("entryPaymentId").asLong(),
                org.shequn.shared.money.Money.cny(9900), org.shequn.payment.PaymentChannel.Kind.TEST, "T", null));
        assertThat(jdbc.sql("select count(*) from ledger_transactions where reference = ?").param("payment:" + paymentId)
                .query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void whenTheOwnerStopsChargingPaidMembersKeepTheirMembershipWithNoEnd() throws Exception {
        var slug = paid("OPEN");
        var base = "/api/v1/communities/" + slug;
        var member = api.register("停收费");
        pay(member, checkout(member, slug, null));
        awaitRole(slug, member, "MEMBER");
        clock.advance(Duration.ofDays(400));
        api.get(member, base + "/posts").andExpect(status().isForbidden());
        api.delete(owner, base + "/entry").andExpect(status().isNoContent());
        api.get(member, base + "/posts").andExpect(status().isOk());
        api.get(null, base + "/entry").andExpect(jsonPath("$.paid").value(false));
        api.delete(owner, base + "/entry").andExpect(status().isConflict());
        var newcomer = api.register("免费新人");
        api.post(newcomer, base + "/join", null).andExpect(status().isCreated());
    }

    private OffsetDateTime expiry(String slug, Api.User user) {
        return jdbc.sql("select m.expires_at from memberships m join communities c on c.id = m.community_id where c.slug = ? and m.account_id = ?")
                .params(slug, user.id()).query(OffsetDateTime.class).single();
    }

    private int notifications(Api.User user, String kind) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and kind = ?").params(user.id(), kind)
                .query(Integer.class).single();
    }
}
