package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.ledger.LedgerAssertions;
import org.shequn.ledger.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A dispute through the pages: a member's refund request is refused by the merchant, the member asks the platform to
 * step in (申请平台介入), the merchant answers on the order page, an operator refunds all of it from the disputes
 * page, and the member sees the order 已退款 with the decision. Screenshots at 390 and 1280 px.
 */
@TestPropertySource(properties = {"shequn.operators=" + DisputeBrowserTest.OPERATOR_EMAIL, "shequn.payment.test.enabled=true"})
class DisputeBrowserTest extends BrowserTest {

    static final String OPERATOR_EMAIL = "dispute-browser-operator@example.com";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerInvariants invariants;

    static void both(Page page, String name) {
        page.setViewportSize(390, 844);
        loaded(page);
        screenshot(page, name + "-phone");
        page.setViewportSize(1280, 900);
        loaded(page);
        screenshot(page, name + "-desktop");
        page.setViewportSize(390, 844);
    }

    @Test
    void aRefusedRefundIsDisputedAnsweredAndRefundedInFullByAnOperator() {
        try (var merchantContext = visitor(true); var memberContext = visitor(true); var operatorContext = visitor(true)) {
            // the scene through the API: a verified merchant who also runs the community whose store sells the book
            var merchantPage = merchantContext.newPage();
            var merchant = signUp(merchantContext, merchantPage, "书店老板老陈");
            jdbc.sql("insert into profiles (account_id, real_name_verified, updated_at) values (?, true, ?)")
                    .params(merchant.id(), OffsetDateTime.now()).update();
            var request = merchantContext.request();
            ok(request.post(url("/api/v1/shops"), merchant.auth().setData(Api.obj("name", "老陈的书店", "description",
                    "只卖读过的好书。", "contact", "微信 laochen", "settlement", "招商银行 6225 **** 0001"))).status());
            var product = Api.read(request.post(url("/api/v1/shops/mine/products"), merchant.auth().setData(Api.obj(
                    "title", "产品经理手册", "description", "**产品经理**的入门书。", "category", "图书", "tags", List.of("读书"),
                    "shipped", true, "commissionBp", 1500, "published", true, "skus", List.of(
                            Api.obj("attributes", Map.of("版本", "精装"), "price", "59.00", "stock", 5))))).text());
            var slug = createCommunity(request, merchant, CommunityFixtures.settings(Api.unique("books"), "OPEN", 40));
            ok(request.post(url("/api/v1/communities/" + slug + "/store"), merchant.auth().setData(Api.obj(
                    "productId", product.get("id").asLong(), "recommendation", "读书会这个月读它"))).status());

            // the member orders and pays through the test mode
            var memberPage = memberContext.newPage();
            var member = signUp(memberContext, memberPage, "读书会成员小王");
            join(memberContext.request(), member, slug);
            var ordered = memberContext.request().post(url("/api/v1/orders"), member.auth()
                    .setHeader("Idempotency-Key", Api.unique("dispute-order-")).setData(Api.obj("community", slug,
                            "address", "上海市静安区南京西路 1 号", "lines", List.of(Api.obj("skuId",
                                    product.get("skus").get(0).get("id").asLong(), "quantity", 1, "unitPrice", "59.00")))));
            ok(ordered.status());
            var orderPath = "/orders/" + Api.read(ordered.text()).get("id").asLong();
            memberPage.navigate(url(orderPath));
            memberPage.selectOption("form[action$='/pay'] select[name=channel]", "TEST");
            memberPage.locator("form[action$='/pay'] button[type=submit]").click();
            memberPage.waitForURL("**/payments/*/test");
            memberPage.locator("button.payment-simulate").click();
            memberPage.waitForURL("**" + orderPath);
            CommerceBrowserTest.reloadUntil(memberPage, "main", "已付款");

            // the member asks for a refund; the merchant refuses it
            memberPage.locator("form[action$='/refund-request'] button[type=submit]").click();
            memberPage.waitForLoadState();
            merchantPage.navigate(url(orderPath));
            merchantPage.locator("form[action$='/refund/reject'] button[type=submit]").click();
            merchantPage.waitForLoadState();

            // the member asks the platform to step in
            memberPage.navigate(url(orderPath));
            assertThat(memberPage.locator("#dispute h2")).hasText("申请平台介入");
            assertThat(memberPage.locator("#dispute")).containsText("最多 1000 字");
            both(memberPage, "dispute-01-buyer-asks");
            memberPage.fill("#dispute textarea[name=reason]", "收到的书封面破损，商家拒绝退款。<script>alert(1)</script>");
            memberPage.locator("#dispute button[type=submit]").click();
            memberPage.waitForURL("**" + orderPath + "#dispute");
            assertThat(memberPage.locator("#dispute .status")).hasText("等待商家答复");
            assertThat(memberPage.locator("#dispute .dispute-reason")).containsText("<script>alert(1)</script>");

            // the merchant sees the order marked and answers, once
            merchantPage.navigate(url("/shop/orders"));
            assertThat(merchantPage.locator(".dispute-mark")).hasText("争议中");
            merchantPage.locator("a[href='" + orderPath + "']").click();
            merchantPage.waitForURL("**" + orderPath);
            merchantPage.fill(".dispute-answer-form textarea[name=answer]", "发货前拍过照，封面完好；可以补寄一本新的。");
            both(merchantPage, "dispute-02-merchant-answers");
            merchantPage.locator(".dispute-answer-form button[type=submit]").click();
            merchantPage.waitForURL("**" + orderPath + "#dispute");
            assertThat(merchantPage.locator("#dispute .dispute-answer")).containsText("可以补寄一本新的");
            assertThat(merchantPage.locator(".dispute-answer-form")).hasCount(0);

            // the operator finds it from the nav and refunds all of it
            var operatorPage = operatorContext.newPage();
            operatorContext.request().post(url("/api/v1/auth/register"), RequestOptions.create()
                    .setData(Map.of("email", OPERATOR_EMAIL, "password", PASSWORD, "displayName", "平台运营")));
            logIn(operatorPage, new Account(0, OPERATOR_EMAIL, ""));
            operatorPage.setViewportSize(1280, 900);
            operatorPage.navigate(url("/home"));
            operatorPage.locator(".nav a[href='/operator/disputes']").click();
            operatorPage.waitForURL("**/operator/disputes");
            long disputeId = jdbc.sql("select id from order_disputes where order_id = ?")
                    .param(Long.parseLong(orderPath.substring("/orders/".length()))).query(Long.class).single();
            var item = operatorPage.locator("#dispute-" + disputeId);
            assertThat(item).containsText("读书会成员小王");
            assertThat(item).containsText("老陈的书店");
            assertThat(item).containsText("¥59.00");
            assertThat(item).containsText("封面破损");
            assertThat(item).containsText("可以补寄一本新的");
            both(operatorPage, "dispute-03-operator-queue");
            // the case itself at phone width (the queue may hold other tests' disputes too)
            item.scrollIntoViewIfNeeded();
            item.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("dispute-03-operator-case-phone.png")));
            operatorPage.setViewportSize(1280, 900);
            item.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("dispute-03-operator-case-desktop.png")));
            // more than is left: the same page, the message beside this dispute's amount, what was typed kept
            item.locator("input[name=outcome][value=PART]").check();
            item.locator("input[name=amount]").fill("99.99");
            item.locator("button[type=submit]").click();
            operatorPage.waitForLoadState();
            item = operatorPage.locator("#dispute-" + disputeId);
            assertThat(item.locator(".field-error")).containsText("不超过订单尚未退还的 ¥59.00");
            assertThat(item.locator("input[name=amount]")).hasValue("99.99");
            assertThat(item.locator("input[name=outcome][value=PART]")).isChecked();
            item.scrollIntoViewIfNeeded();
            both(operatorPage, "dispute-03-operator-refused");
            operatorPage.setViewportSize(390, 844);
            item.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("dispute-03-operator-refused-case-phone.png")));
            operatorPage.setViewportSize(1280, 900);
            item.locator("input[name=outcome][value=ALL]").check();
            item.locator("input[name=note]").fill("商家未能证明寄出时完好，全额退款。");
            item.locator("button[type=submit]").click();
            operatorPage.waitForURL("**/operator/disputes");
            assertThat(operatorPage.locator("main")).containsText("已裁定退款 ¥59.00");
            assertThat(operatorPage.locator(".dispute-decided")).containsText("全额退款");
            // a page at a time: the decided list, latest first, with its own "more" link when there are more
            operatorPage.navigate(url("/operator/disputes?limit=1"));
            assertThat(operatorPage.locator(".dispute-decided li")).hasCount(1);
            assertThat(operatorPage.locator(".dispute-decided")).containsText("全额退款");
            both(operatorPage, "dispute-03-operator-paged");

            // the member sees the order refunded and the decision
            memberPage.navigate(url(orderPath));
            assertThat(memberPage.locator("main .badge").first()).hasText("已退款");
            assertThat(memberPage.locator("#dispute .status")).hasText("已裁定退款");
            assertThat(memberPage.locator("#dispute .dispute-decision")).containsText("退款 ¥59.00");
            assertThat(memberPage.locator("#dispute .dispute-decision")).containsText("全额退款");
            both(memberPage, "dispute-04-buyer-refunded");
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("select status from orders where id = ?")
                    .param(Long.parseLong(orderPath.substring(8))).query(String.class).single()).isEqualTo("REFUNDED");
            LedgerAssertions.assertBalanced(invariants);
        }
    }

    private static void ok(int status) {
        org.assertj.core.api.Assertions.assertThat(status).isBetween(200, 299);
    }
}
