package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.ledger.LedgerAssertions;
import org.shequn.ledger.LedgerInvariants;
import org.shequn.payment.TestMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The dispute pages through HTTP: the buyer asks the platform to step in on the order page, the merchant answers on
 * it once (and sees the order marked in their list), an operator decides at /operator/disputes. Each refusal is a
 * page in the reader's language with a 4xx and nothing written; whatever the people typed is shown escaped on all
 * three pages; a refund of all that is left ends the order REFUNDED, a part leaves its status.
 */
@IntegrationTest
// the same properties as DisputeTests: one application context for both
@TestPropertySource(properties = {"shequn.payment.test.enabled=true", "shequn.operators=" + DisputeTests.OPERATOR_EMAIL})
class DisputePagesTests {

    static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestMode testMode;
    @Autowired
    LedgerInvariants invariants;

    Api api;

    @AfterEach
    void theLedgerHolds() {
        LedgerAssertions.assertBalanced(invariants);
    }

    CommerceFixtures.Scene scene() throws Exception {
        api = new Api(mvc);
        return new CommerceFixtures(api, jdbc).storeSelling("争议页面之书", Map.of("版本", "精装"), "59.00", 5, "dispute-page-");
    }

    Api.User operator() throws Exception {
        return new Api(mvc).operator(DisputeTests.OPERATOR_EMAIL, "争议运营");
    }

    /** A page as {@code user} sees it (null: anonymous), in Chinese unless {@code english}. */
    ResultActions page(Api.User user, String path, boolean english) throws Exception {
        var request = MockMvcRequestBuilders.get(path).accept(MediaType.TEXT_HTML);
        if (user != null) {
            request.header("Authorization", user.bearer());
        }
        if (english) {
            request.cookie(new Cookie("shequn-lang", "en"));
        }
        return mvc.perform(request);
    }

    ResultActions page(Api.User user, String path) throws Exception {
        return page(user, path, false);
    }

    /** A form posted with its CSRF token: alternating field names and values. */
    ResultActions form(Api.User user, boolean english, String path, String... fields) throws Exception {
        var request = MockMvcRequestBuilders.post(path).with(csrf()).accept(MediaType.TEXT_HTML);
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        if (user != null) {
            request.header("Authorization", user.bearer());
        }
        if (english) {
            request.cookie(new Cookie("shequn-lang", "en"));
        }
        return mvc.perform(request);
    }

    ResultActions form(Api.User user, String path, String... fields) throws Exception {
        return form(user, false, path, fields);
    }

    ResultActions withKey(Api.User user, String path, Object body) throws Exception {
        return new Api(mvc).postWithKey(user, path, body);
    }

    /** A paid order of one unit at 59.00. */
    long paidOrder(CommerceFixtures.Scene s, Api.User buyer) throws Exception {
        return new CommerceFixtures(new Api(mvc), jdbc).paidOrder(s, buyer, "59.00", testMode);
    }

    /** A paid order whose refund request its merchant refused: disputable. */
    long refusedOrder(CommerceFixtures.Scene s, Api.User buyer) throws Exception {
        long id = paidOrder(s, buyer);
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk());
        api.post(s.merchant(), "/api/v1/orders/" + id + "/refund/reject", null).andExpect(status().isOk());
        return id;
    }

    long refunded(long orderId) {
        return jdbc.sql("select p.refunded_minor from payments p join orders o on o.payment_id = p.id where o.id = ?")
                .param(orderId).query(Long.class).single();
    }

    long disputes(long orderId) {
        return jdbc.sql("select count(*) from order_disputes where order_id = ?").param(orderId).query(Long.class).single();
    }

    String orderStatus(long orderId) {
        return jdbc.sql("select status from orders where id = ?").param(orderId).query(String.class).single();
    }

    long disputeId(long orderId) {
        return jdbc.sql("select id from order_disputes where order_id = ?").param(orderId).query(Long.class).single();
    }

    @Test
    void aBuyerAsksThePlatformTheMerchantAnswersAndAnOperatorRefundsAllSoTheOrderIsRefunded() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var operator = operator();
        long id = refusedOrder(s, buyer);
        var order = "/orders/" + id;
        int stockBefore = new CommerceFixtures(api, jdbc).stock(s.skuId());

        // the buyer's order page offers the form, with its limit and its CSRF token; nobody else's does
        page(buyer, order).andExpect(status().isOk()).andExpect(content().string(containsString("申请平台介入")))
                .andExpect(content().string(containsString("action=\"" + order + "/dispute\"")))
                .andExpect(content().string(containsString("maxlength=\"1000\"")))
                .andExpect(content().string(containsString("最多 1000 字")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        page(s.merchant(), order).andExpect(status().isOk()).andExpect(content().string(not(containsString("申请平台介入"))));

        // refusals: a page in the reader's language, a 4xx, nothing written
        form(buyer, order + "/dispute", "reason", "   ").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写 1 到 1000 个字")));
        form(buyer, true, order + "/dispute", "reason", "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write 1 to 1000 characters")));
        form(buyer, order + "/dispute", "reason", "长".repeat(1001)).andExpect(status().isBadRequest());
        form(buyer, order + "/dispute").andExpect(status().isBadRequest());
        form(s.cast().core(), order + "/dispute", "reason", "别人的订单").andExpect(status().isNotFound())
                .andExpect(content().string(containsString("订单")));
        form(s.merchant(), order + "/dispute", "reason", "商家自己").andExpect(status().isNotFound());
        form(null, order + "/dispute", "reason", "匿名").andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/login?*"));
        assertThat(disputes(id)).isZero();

        form(buyer, order + "/dispute", "reason", "书有破损 " + XSS).andExpect(redirectedUrl(order + "#dispute"));
        assertThat(disputes(id)).isOne();
        form(buyer, order + "/dispute", "reason", "再来一次").andExpect(status().isConflict())
                .andExpect(content().string(containsString("已经有一个争议")));
        page(buyer, order).andExpect(content().string(containsString("等待商家答复")))
                .andExpect(content().string(containsString(ESCAPED)))
                .andExpect(content().string(not(containsString(XSS))))
                .andExpect(content().string(not(containsString("action=\"" + order + "/dispute\""))));

        // the merchant: the order marked in their list, the answer form once on the order page
        page(s.merchant(), "/shop/orders").andExpect(status().isOk()).andExpect(content().string(containsString("争议中")));
        page(buyer, "/orders").andExpect(status().isOk()).andExpect(content().string(containsString("争议中")));
        page(s.merchant(), order).andExpect(content().string(containsString(ESCAPED)))
                .andExpect(content().string(containsString("action=\"" + order + "/dispute/answer\"")));
        page(buyer, order).andExpect(content().string(not(containsString("/dispute/answer"))));
        form(s.merchant(), order + "/dispute/answer", "answer", "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写 1 到 1000 个字")));
        form(buyer, order + "/dispute/answer", "answer", "买家代答").andExpect(status().isNotFound());
        form(s.merchant(), order + "/dispute/answer", "answer", "发货时完好 " + XSS).andExpect(redirectedUrl(order + "#dispute"));
        form(s.merchant(), order + "/dispute/answer", "answer", "再答一次").andExpect(status().isConflict());
        form(s.merchant(), true, order + "/dispute/answer", "answer", "again").andExpect(status().isConflict())
                .andExpect(content().string(containsString("The merchant has answered this dispute already")));
        assertThat(jdbc.sql("select answer from order_disputes where order_id = ?").param(id).query(String.class).single())
                .isEqualTo("发货时完好 " + XSS);
        page(s.merchant(), order).andExpect(content().string(not(containsString("/dispute/answer\""))))
                .andExpect(content().string(containsString("商家已答复")));
        page(buyer, order).andExpect(content().string(containsString("发货时完好 " + ESCAPED)))
                .andExpect(content().string(not(containsString(XSS))));

        // the operators' page: the case with its order, buyer, shop, amounts, reason and answer; linked from the nav
        long disputeId = disputeId(id);
        var queue = "/operator/disputes";
        page(operator, queue).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/operator/disputes\"")))
                .andExpect(content().string(containsString("订单 #" + id)))
                .andExpect(content().string(containsString(s.cast().member().displayName())))
                .andExpect(content().string(containsString("全额退款 ¥59.00")))
                .andExpect(content().string(containsString("书有破损 " + ESCAPED)))
                .andExpect(content().string(containsString("发货时完好 " + ESCAPED)))
                .andExpect(content().string(not(containsString(XSS))))
                .andExpect(content().string(containsString("action=\"/operator/disputes/" + disputeId + "/decision\"")));
        page(operator, queue, true).andExpect(content().string(containsString("Refund all, ¥59.00")));
        page(buyer, queue).andExpect(status().isForbidden()).andExpect(content().string(containsString("只有平台运营人员")));
        page(s.merchant(), queue, true).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the platform")));
        page(null, queue).andExpect(status().is3xxRedirection());
        page(buyer, order).andExpect(content().string(not(containsString("href=\"/operator/disputes\""))));

        // bad decisions change nothing
        var decision = queue + "/" + disputeId + "/decision";
        form(operator, decision, "outcome", "PART", "amount", "59.01").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不超过订单尚未退还的 ¥59.00")));
        form(operator, decision, "outcome", "PART", "amount", "-1").andExpect(status().isBadRequest());
        form(operator, decision, "outcome", "PART", "amount", "0").andExpect(status().isBadRequest());
        form(operator, decision, "outcome", "PART", "amount", "十元").andExpect(status().isBadRequest());
        form(operator, decision, "outcome", "PART", "amount", "1.001").andExpect(status().isBadRequest());
        form(operator, decision, "outcome", "PART", "amount", "1e3").andExpect(status().isBadRequest());
        form(operator, true, decision, "outcome", "PART").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("amount")));
        form(operator, decision).andExpect(status().isBadRequest()).andExpect(content().string(containsString("请选择处理结果")));
        form(operator, decision, "outcome", "REJECT", "note", "长".repeat(501)).andExpect(status().isBadRequest());
        form(buyer, decision, "outcome", "ALL").andExpect(status().isForbidden());
        form(s.merchant(), decision, "outcome", "REJECT").andExpect(status().isForbidden());
        form(operator, queue + "/999999999/decision", "outcome", "ALL").andExpect(status().isNotFound());
        assertThat(refunded(id)).isZero();
        assertThat(jdbc.sql("select status from order_disputes where id = ?").param(disputeId).query(String.class).single())
                .isEqualTo("ANSWERED");

        // all of it: the payment refunded, the order REFUNDED with its stock back, the decision on every page
        form(operator, decision, "outcome", "ALL", "note", "商家未能举证 " + XSS).andExpect(redirectedUrl(queue));
        assertThat(refunded(id)).isEqualTo(5900);
        assertThat(orderStatus(id)).isEqualTo("REFUNDED");
        assertThat(new CommerceFixtures(api, jdbc).stock(s.skuId())).isEqualTo(stockBefore + 1);
        api.get(buyer, "/api/v1/orders/" + id).andExpect(jsonPath("$.status").value("REFUNDED"));
        LedgerAssertions.assertBalanced(invariants, Map.of("order:" + id, org.shequn.shared.money.Money.cny(0)));
        page(buyer, order).andExpect(content().string(containsString("已退款")))
                .andExpect(content().string(containsString("已裁定退款")))
                .andExpect(content().string(containsString("退款 ¥59.00")))
                .andExpect(content().string(containsString("商家未能举证 " + ESCAPED)))
                .andExpect(content().string(not(containsString(XSS))))
                .andExpect(content().string(not(containsString("action=\"" + order + "/refund-request\""))));
        page(s.merchant(), order).andExpect(content().string(containsString("退款 ¥59.00")));
        page(operator, queue).andExpect(content().string(containsString("最近裁定")))
                .andExpect(content().string(containsString("商家未能举证 " + ESCAPED)))
                .andExpect(content().string(not(containsString(XSS))))
                .andExpect(content().string(not(containsString("action=\"" + decision + "\""))));

        // deciding twice is refused and refunds nothing more
        form(operator, decision, "outcome", "REJECT").andExpect(status().isConflict())
                .andExpect(content().string(containsString("已经裁定退款")));
        form(operator, true, decision, "outcome", "PART", "amount", "1.00").andExpect(status().isConflict())
                .andExpect(content().string(containsString("decided with a refund")));
        assertThat(refunded(id)).isEqualTo(5900);
    }

    @Test
    void aPartRefundLeavesTheOrderWhereItStoodAndARejectionRefundsNothing() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var operator = operator();
        long part = paidOrder(s, buyer);
        long rejected = paidOrder(s, buyer);
        for (long id : new long[] {part, rejected}) {
            api.post(s.merchant(), "/api/v1/orders/" + id + "/shipment", Api.obj("carrier", "顺丰", "trackingNo", "SF1"))
                    .andExpect(status().isOk());
            api.post(buyer, "/api/v1/orders/" + id + "/receipt", null).andExpect(jsonPath("$.status").value("COMPLETED"));
            // completed within the window: the buyer may still ask
            page(buyer, "/orders/" + id).andExpect(content().string(containsString("申请平台介入")));
            form(buyer, "/orders/" + id + "/dispute", "reason", "少了一页").andExpect(status().is3xxRedirection());
        }

        form(operator, "/operator/disputes/" + disputeId(part) + "/decision", "outcome", "PART", "amount", "20.5",
                "note", "部分退款").andExpect(redirectedUrl("/operator/disputes"));
        assertThat(refunded(part)).isEqualTo(2050);
        assertThat(orderStatus(part)).isEqualTo("COMPLETED");
        LedgerAssertions.assertBalanced(invariants, Map.of("order:" + part, org.shequn.shared.money.Money.cny(3850)));
        page(buyer, "/orders/" + part).andExpect(content().string(containsString("已完成")))
                .andExpect(content().string(containsString("退款 ¥20.50")));

        form(operator, "/operator/disputes/" + disputeId(rejected) + "/decision", "outcome", "REJECT", "note", "证据不足")
                .andExpect(redirectedUrl("/operator/disputes"));
        assertThat(refunded(rejected)).isZero();
        assertThat(orderStatus(rejected)).isEqualTo("COMPLETED");
        page(buyer, "/orders/" + rejected).andExpect(content().string(containsString("驳回，不退款")))
                .andExpect(content().string(containsString("证据不足")));
        page(s.merchant(), "/shop/orders").andExpect(content().string(containsString("争议已驳回")))
                .andExpect(content().string(containsString("争议已退款")));
        // the merchant cannot answer a decided dispute: no form, and a post is refused
        page(s.merchant(), "/orders/" + rejected).andExpect(content().string(not(containsString("/dispute/answer\""))));
        form(s.merchant(), "/orders/" + rejected + "/dispute/answer", "answer", "太晚").andExpect(status().isConflict());
    }

    @Test
    void anOrderThatMayNotBeDisputedOffersNoFormAndRefusesAPost() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        long id = paidOrder(s, buyer);
        page(buyer, "/orders/" + id).andExpect(status().isOk()).andExpect(content().string(not(containsString("申请平台介入"))));
        form(buyer, "/orders/" + id + "/dispute", "reason", "还没发货").andExpect(status().isConflict())
                .andExpect(content().string(containsString("现在不能发起争议")));
        assertThat(disputes(id)).isZero();
    }

    @Test
    void aFormPostedFromASignedInBrowserWithoutItsCsrfTokenIsSentToLogInAgainAndWritesNothing() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        long id = refusedOrder(s, buyer);
        var browser = new org.shequn.WebSession(mvc);
        browser.register("没有令牌的人");
        for (var path : new String[] {"/orders/" + id + "/dispute", "/orders/" + id + "/dispute/answer", "/operator/disputes/1/decision"}) {
            browser.perform(MockMvcRequestBuilders.post(path).param("reason", "无令牌").param("answer", "无令牌")
                    .param("outcome", "REJECT").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login?expired"));
        }
        assertThat(disputes(id)).isZero();
    }

    /** The part of the operators' page that is dispute {@code disputeId}'s case (its facts and its form). */
    static String caseOf(String html, long disputeId) {
        int start = html.indexOf("id=\"dispute-" + disputeId + "\"");
        assertThat(start).as("dispute %d on the page", disputeId).isNotNegative();
        return html.substring(start, html.indexOf("</article>", start));
    }

    String html(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    @Test
    void aRefusedDecisionIsTheQueueAgainWithTheMessageBesideThatDisputesAmountAndWhatWasTyped() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var operator = operator();
        long id = refusedOrder(s, buyer);
        form(buyer, "/orders/" + id + "/dispute", "reason", "书有破损").andExpect(status().is3xxRedirection());
        long other = refusedOrder(s, buyer);
        form(buyer, "/orders/" + other + "/dispute", "reason", "也有破损").andExpect(status().is3xxRedirection());
        long disputeId = disputeId(id);
        var decision = "/operator/disputes/" + disputeId + "/decision";

        // more than is left: the queue again (400), the message and the typed amount in that dispute's form only
        var tooMuch = html(form(operator, decision, "outcome", "PART", "amount", "59.01", "note", "多退了")
                .andExpect(status().isBadRequest()));
        var mine = caseOf(tooMuch, disputeId);
        assertThat(mine).contains("class=\"field-error\"").contains("不超过订单尚未退还的 ¥59.00")
                .contains("value=\"59.01\"").contains("value=\"多退了\"").contains("value=\"PART\" checked");
        assertThat(caseOf(tooMuch, disputeId(other))).doesNotContain("field-error").doesNotContain("59.01");
        assertThat(tooMuch).contains("<h1>争议处理</h1>");
        // zero, negative, garbage: each beside the amount, in the reader's language, what was typed kept (escaped)
        for (var typed : new String[] {"0", "-1", "十元", "1.001"}) {
            var again = caseOf(html(form(operator, decision, "outcome", "PART", "amount", typed)
                    .andExpect(status().isBadRequest())), disputeId);
            assertThat(again).contains("class=\"field-error\"").contains("value=\"" + typed + "\"");
        }
        var english = caseOf(html(form(operator, true, decision, "outcome", "PART", "amount", "<b>x</b>")
                .andExpect(status().isBadRequest())), disputeId);
        assertThat(english).contains("value=\"&lt;b>x&lt;/b>\"").doesNotContain("<b>x</b>");
        assertThat(refunded(id)).isZero();
        assertThat(jdbc.sql("select status from order_disputes where id = ?").param(disputeId).query(String.class).single())
                .isEqualTo("OPEN");

        // decided meanwhile: a warning above the queue (409), nothing refunded
        form(operator, decision, "outcome", "REJECT").andExpect(redirectedUrl("/operator/disputes"));
        var late = html(form(operator, decision, "outcome", "PART", "amount", "1.00").andExpect(status().isConflict()));
        assertThat(late).contains("class=\"flash warn\"").contains("这个争议已经被驳回").contains("<h1>争议处理</h1>");
        assertThat(refunded(id)).isZero();

        // others are refused as before and learn nothing of the queue
        form(buyer, "/operator/disputes/" + disputeId(other) + "/decision", "outcome", "PART", "amount", "99")
                .andExpect(status().isForbidden()).andExpect(content().string(not(containsString("dispute-" + disputeId(other)))));
        form(null, "/operator/disputes/" + disputeId(other) + "/decision", "outcome", "PART", "amount", "99")
                .andExpect(status().is3xxRedirection());
        form(operator, "/operator/disputes/" + disputeId(other) + "/decision", "outcome", "REJECT")
                .andExpect(redirectedUrl("/operator/disputes"));
    }

    @Test
    void theQueuePagesTheUndecidedOldestFirstAndTheDecidedLatestFirstEachWithItsOwnMoreLink() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var operator = operator();
        var mine = new java.util.ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            long id = refusedOrder(s, buyer);
            form(buyer, "/orders/" + id + "/dispute", "reason", "第 " + i + " 件").andExpect(status().is3xxRedirection());
            mine.add(disputeId(id));
        }

        // one a page: following "more" from the first page meets each of mine once, oldest first
        var seen = new java.util.ArrayList<Long>();
        String url = "/operator/disputes?limit=1";
        for (int pages = 0; url != null && pages < 500; pages++) {
            var html = html(page(operator, url).andExpect(status().isOk()));
            var ids = java.util.regex.Pattern.compile("<article class=\"card dispute-case\" id=\"dispute-(\\d+)\"").matcher(html)
                    .results().map(m -> Long.parseLong(m.group(1))).toList();
            assertThat(ids).hasSizeLessThanOrEqualTo(1);
            seen.addAll(ids);
            if (pages > 0 && !ids.isEmpty()) {
                // the form carries the page it is on, so a decision comes back to it
                assertThat(html).contains("name=\"undecided\" value=\"").contains("name=\"limit\" value=\"1\"");
            }
            url = more(html, "more-undecided");
        }
        assertThat(url).as("the last page has no more link").isNull();
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(mine::contains).toList()).containsExactlyElementsOf(mine);

        // decided from a later page: back on that page; the decided list pages latest first on its own
        var second = more(html(page(operator, "/operator/disputes?limit=1")), "more-undecided");
        var undecidedCursor = second.replaceAll(".*undecided=([^&#]+).*", "$1");
        for (long d : mine) {
            form(operator, "/operator/disputes/" + d + "/decision", "outcome", "REJECT", "undecided", undecidedCursor,
                    "limit", "1").andExpect(redirectedUrl("/operator/disputes?undecided=" + undecidedCursor + "&limit=1"));
        }
        var first = html(page(operator, "/operator/disputes?limit=1"));
        assertThat(first).contains("/orders/" + orderOf(mine.get(2)) + "\"");
        var next = more(first, "more-decided");
        assertThat(next).isNotNull().contains("decided=");
        assertThat(html(page(operator, next))).contains("/orders/" + orderOf(mine.get(1)) + "\"")
                .doesNotContain("/orders/" + orderOf(mine.get(2)) + "\"");

        // a page of nothing or too much, or a cursor that is not one, is a 400
        page(operator, "/operator/disputes?limit=0").andExpect(status().isBadRequest());
        page(operator, "/operator/disputes?limit=201").andExpect(status().isBadRequest());
        page(operator, "/operator/disputes?undecided=xyz!").andExpect(status().isBadRequest());
        page(buyer, "/operator/disputes?limit=1").andExpect(status().isForbidden());
    }

    @Test
    void eachCaseShowsWhatIsLeftOfItsOwnOrder() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var operator = operator();
        long a = refusedOrder(s, buyer);
        long b = refusedOrder(s, buyer);
        for (long id : new long[] {a, b}) {
            form(buyer, "/orders/" + id + "/dispute", "reason", "破损").andExpect(status().is3xxRedirection());
        }
        // a refund approved earlier on each order, as the merchant's approval records one (rows only, taken away again
        // before the ledger is checked: what is read here is the page's sum of them)
        refundedEarlier(a, 1000);
        refundedEarlier(b, 2050);
        try {
            var html = html(page(operator, "/operator/disputes"));
            assertThat(caseOf(html, disputeId(a))).contains("全额退款 ¥49.00").doesNotContain("¥38.50");
            assertThat(caseOf(html, disputeId(b))).contains("全额退款 ¥38.50").doesNotContain("¥49.00");
        } finally {
            jdbc.sql("delete from order_refunds where order_id in (?, ?) and sku_ids = '||' and status = 'APPROVED'")
                    .params(a, b).update();
        }
        for (long id : new long[] {a, b}) {
            form(operator, "/operator/disputes/" + disputeId(id) + "/decision", "outcome", "REJECT")
                    .andExpect(redirectedUrl("/operator/disputes"));
        }
    }

    void refundedEarlier(long orderId, long minor) {
        jdbc.sql("""
                insert into order_refunds (order_id, sku_ids, currency, amount_minor, commission_minor, referral_minor,
                                           platform_fee_minor, merchant_minor, status, requested_at, decided_at)
                values (?, '||', 'CNY', ?, 0, 0, 0, ?, 'APPROVED', current_timestamp, current_timestamp)""")
                .params(orderId, minor, minor).update();
    }

    long orderOf(long disputeId) {
        return jdbc.sql("select order_id from order_disputes where id = ?").param(disputeId).query(Long.class).single();
    }

    /** The href of the page's "more" link of class {@code kind}, or null. */
    static String more(String html, String kind) {
        var m = java.util.regex.Pattern.compile("class=\"button " + kind + "\" href=\"([^\"#]+)").matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }
}
