package org.shequn.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shequn.ledger.LedgerAssertions.assertBalanced;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.shared.money.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The operators' ledger endpoints and page: who may use them, payouts through HTTP, and refused input writing nothing. */
@IntegrationTest
@TestPropertySource(properties = "shequn.operators=" + LedgerApiTests.OPERATOR_EMAIL)
class LedgerApiTests {

    static final String OPERATOR_EMAIL = "ledger-operator@example.com";
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 500_000_000L);

    @Autowired
    MockMvc mvc;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerInvariants invariants;
    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(mvc);
    }

    Api.User operator() throws Exception {
        return new Api(mvc).operator(OPERATOR_EMAIL, "账本运营");
    }

    /** A merchant with a settled order of 1000 分, 800 of them the merchant's. */
    Account settledMerchant() {
        long id = IDS.incrementAndGet();
        var merchant = Account.merchant(id);
        ledger.post(new Posting("payment:api-" + id, "order:api-" + id, "订单", List.of(
                new Leg(Account.CLEARING, Money.cny(1000)), new Leg(merchant, Money.cny(-800)),
                new Leg(Account.communityCommission(id), Money.cny(-150)), new Leg(Account.PLATFORM_FEE, Money.cny(-50)))));
        ledger.markSettleable("order:api-" + id, java.time.Instant.EPOCH);
        return merchant;
    }

    ResultActions payout(Api.User user, String key, Object body) throws Exception {
        var request = post("/api/v1/operator/ledger/payouts").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .content(Api.JSON.writeValueAsString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (user != null) {
            request.header("Authorization", user.bearer());
        }
        return mvc.perform(request);
    }

    long payouts() {
        return jdbc.sql("select count(*) from ledger_payouts").query(Long.class).single();
    }

    @Test
    void onlyOperatorsReachTheLedger() throws Exception {
        var op = operator();
        var member = api().register("普通用户");
        var merchant = settledMerchant();
        var paths = List.of("/api/v1/operator/ledger/balances", "/api/v1/operator/ledger/health", "/api/v1/operator/ledger/summary",
                "/api/v1/operator/ledger/accounts/MERCHANT/" + merchant.ownerId());
        for (var path : paths) {
            api().get(null, path).andExpect(status().isUnauthorized());
            api().get(member, path).andExpect(status().isForbidden());
            api().get(op, path).andExpect(status().isOk());
        }
        var body = Api.obj("accountType", "MERCHANT", "ownerId", merchant.ownerId(), "amountMinor", 100, "currency", "CNY",
                "note", "银行转账");
        payout(null, "k-anon-" + merchant.ownerId(), body).andExpect(status().isUnauthorized());
        payout(member, "k-member-" + merchant.ownerId(), body).andExpect(status().isForbidden());
        assertThat(ledger.balance(merchant).paidOut()).isEqualTo(Money.cny(0));
        mvc.perform(get("/operator/ledger")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/login")));
        mvc.perform(get("/operator/ledger").header("Authorization", member.bearer())).andExpect(status().isForbidden());
        mvc.perform(get("/operator/ledger?type=MERCHANT&owner=" + merchant.ownerId()).header("Authorization", op.bearer()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("¥8.00")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("账本平衡")));
    }

    @Test
    void anOperatorRecordsAPayoutOnceAndSeesTheStatement() throws Exception {
        var op = operator();
        var merchant = settledMerchant();
        var key = "payout-" + merchant.ownerId();
        var body = Api.obj("accountType", "MERCHANT", "ownerId", merchant.ownerId(), "amountMinor", 500, "currency", "CNY",
                "note", "银行转账 0001");
        var first = Api.body(payout(op, key, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.balance.settleable.minor").value(300))
                .andExpect(jsonPath("$.balance.paidOut.minor").value(500)));
        payout(op, key, body).andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(first.get("id").asLong()));
        payout(op, key, Api.obj("accountType", "MERCHANT", "ownerId", merchant.ownerId(), "amountMinor", 400,
                "currency", "CNY", "note", "x")).andExpect(status().isConflict());
        api().get(op, "/api/v1/operator/ledger/accounts/MERCHANT/" + merchant.ownerId()).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance.settleable.minor").value(300))
                .andExpect(jsonPath("$.items[0].amount.minor").value(-500))
                .andExpect(jsonPath("$.items[0].payout").value(true))
                .andExpect(jsonPath("$.items[1].amount.minor").value(800));
        api().get(op, "/api/v1/operator/ledger/balances?type=MERCHANT").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.ownerId == " + merchant.ownerId() + ")].paidOut.minor").value(500));
        api().get(op, "/api/v1/operator/ledger/health").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        assertBalanced(invariants);
    }

    @Test
    void badPayoutsAreRefusedClearlyAndWriteNothing() throws Exception {
        var op = operator();
        var merchant = settledMerchant();
        long before = payouts();
        var id = merchant.ownerId();
        var cases = List.of(
                Api.obj("accountType", "MERCHANT", "ownerId", id, "amountMinor", -100, "currency", "CNY", "note", "n"),
                Api.obj("accountType", "MERCHANT", "ownerId", id, "amountMinor", 0, "currency", "CNY", "note", "n"),
                Api.obj("accountType", "MERCHANT", "ownerId", id, "amountMinor", 100, "currency", "USD", "note", "n"),
                Api.obj("accountType", "MERCHANT", "ownerId", id, "amountMinor", 801, "currency", "CNY", "note", "n"),
                Api.obj("accountType", "MERCHANT", "ownerId", id, "amountMinor", 100, "currency", "CNY", "note", " "),
                Api.obj("accountType", "CLEARING", "ownerId", 0, "amountMinor", 100, "currency", "CNY", "note", "n"),
                Api.obj("accountType", "NOPE", "ownerId", id, "amountMinor", 100, "currency", "CNY", "note", "n"),
                Api.obj("accountType", "MERCHANT", "ownerId", 0, "amountMinor", 100, "currency", "CNY", "note", "n"));
        int i = 0;
        for (var body : cases) {
            payout(op, "bad-" + id + "-" + i++, body).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        payout(op, "bad-" + id + "-above", cases.get(3)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        payout(op, null, Api.obj("accountType", "MERCHANT", "ownerId", id, "amountMinor", 100, "currency", "CNY",
                "note", "n")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/operator/ledger/payouts").header("Authorization", op.bearer())
                        .header("Idempotency-Key", "bad-type-" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountType\":\"MERCHANT\",\"ownerId\":" + id + ",\"amountMinor\":1.5,\"currency\":\"CNY\",\"note\":\"n\"}"))
                .andExpect(status().isBadRequest());
        assertThat(payouts()).isEqualTo(before);
        assertThat(ledger.balance(merchant).settleable()).isEqualTo(Money.cny(800));
        assertBalanced(invariants);
    }

    @Test
    void thePayoutFormRecordsOnePayoutAndShowsErrorsOnThePage() throws Exception {
        var op = operator();
        var merchant = settledMerchant();
        var session = new org.springframework.mock.web.MockHttpSession();
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(post("/operator/ledger/payouts").header("Authorization", op.bearer()).with(csrf)
                        .param("accountType", "MERCHANT").param("ownerId", String.valueOf(merchant.ownerId()))
                        .param("amount", "9.00").param("note", "银行转账").param("idempotencyKey", "form-" + merchant.ownerId()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("超过可结算余额")));
        mvc.perform(post("/operator/ledger/payouts").header("Authorization", op.bearer()).with(csrf).session(session)
                        .param("accountType", "MERCHANT").param("ownerId", String.valueOf(merchant.ownerId()))
                        .param("amount", "2.50").param("note", "银行转账").param("idempotencyKey", "form-" + merchant.ownerId()))
                .andExpect(status().is3xxRedirection());
        assertThat(ledger.balance(merchant).paidOut()).isEqualTo(Money.cny(250));
        assertBalanced(invariants);
    }

    @Test
    void aRefundAfterPayoutIsShownAsToRecover() throws Exception {
        var op = operator();
        var merchant = settledMerchant();
        payout(op, "recover-" + merchant.ownerId(), Api.obj("accountType", "MERCHANT", "ownerId", merchant.ownerId(),
                "amountMinor", 800, "currency", "CNY", "note", "全部结算")).andExpect(status().isCreated());
        long id = merchant.ownerId();
        ledger.post(new Posting("refund:api-" + id, "order:api-" + id, "售后退款", List.of(
                new Leg(Account.CLEARING, Money.cny(-1000)), new Leg(merchant, Money.cny(800)),
                new Leg(Account.communityCommission(id), Money.cny(150)), new Leg(Account.PLATFORM_FEE, Money.cny(50)))));
        api().get(op, "/api/v1/operator/ledger/accounts/MERCHANT/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance.settleable.minor").value(-800))
                .andExpect(jsonPath("$.balance.toRecover.minor").value(800));
        mvc.perform(get("/operator/ledger?type=MERCHANT&owner=" + id).header("Authorization", op.bearer()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("待追回")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("-¥8.00")));
        assertBalanced(invariants, Map.of("order:api-" + id, Money.cny(0)));
    }

    @Test
    void theOperatorSeesPlatformTotalsTheSettlementRunAndRecentRefundsAndPaysOutFromARow() throws Exception {
        var op = operator();
        var merchant = settledMerchant();
        long id = IDS.incrementAndGet();
        ledger.post(new Posting("payment:api-" + id, "order:api-" + id, "订单 #" + id + " 支付", List.of(
                new Leg(Account.CLEARING, Money.cny(600)), new Leg(Account.merchant(id), Money.cny(-600)))));
        ledger.reverse("payment:api-" + id, "refund:api-" + id, "订单 #" + id + " 退款");

        var summary = Api.body(api().get(op, "/api/v1/operator/ledger/summary").andExpect(status().isOk()));
        assertThat(summary.get("totals").get("feeEarned").get("minor").asLong()).isPositive();
        assertThat(summary.get("totals").get("held").get("minor").asLong())
                .isEqualTo(summary.get("totals").get("collected").get("minor").asLong()
                        - summary.get("totals").get("paidOut").get("minor").asLong());
        var run = summary.get("settlementRun").toString();
        assertThat(run).contains("\"ownerId\":" + merchant.ownerId());
        assertThat(summary.get("refunds").get(0).get("memo").asString()).isEqualTo("订单 #" + id + " 退款");
        assertThat(summary.get("refunds").get(0).get("amount").get("minor").asLong()).isEqualTo(600);

        var page = mvc.perform(get("/operator/ledger").header("Authorization", op.bearer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("平台总览").contains("结算").contains("订单 #" + id + " 退款").contains("打款 ¥8.00");

        // the row's button: its amount is what is settleable, under the row's key
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(post("/operator/ledger/payouts").header("Authorization", op.bearer()).with(csrf)
                        .param("accountType", "MERCHANT").param("ownerId", String.valueOf(merchant.ownerId()))
                        .param("amount", "8.00").param("note", "结算打款").param("idempotencyKey", "run-" + merchant.ownerId()))
                .andExpect(status().is3xxRedirection());
        assertThat(ledger.balance(merchant).settleable()).isEqualTo(Money.cny(0));
        assertThat(Api.body(api().get(op, "/api/v1/operator/ledger/summary")).get("settlementRun").toString())
                .doesNotContain("\"accountType\":\"MERCHANT\",\"ownerId\":" + merchant.ownerId() + ",");
        assertBalanced(invariants, Map.of("order:api-" + id, Money.cny(0)));
    }
}
