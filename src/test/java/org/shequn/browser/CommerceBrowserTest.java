package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.shequn.CommunityFixtures;
import org.shequn.TestClock;
import org.shequn.ledger.LedgerAssertions;
import org.shequn.ledger.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sale from shelf to settlement, through the pages: a verified merchant lists a product with two variants, an
 * owner puts it in the community's store, a member buys it through the test mode, the merchant ships, the member
 * confirms; after the after-sales window the owner's earnings page shows the commission settleable, the merchant's
 * shows the sale under that community, and the ledger balances.
 */
class CommerceBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    LedgerInvariants invariants;

    void verify(long accountId) {
        if (jdbc.sql("update profiles set real_name_verified = true where account_id = ?").param(accountId).update() == 0) {
            jdbc.sql("insert into profiles (account_id, real_name_verified, updated_at) values (?, true, ?)")
                    .params(accountId, OffsetDateTime.now()).update();
        }
    }

    static void reloadUntil(Page page, String selector, String text) {
        for (int i = 0; i < 50 && !page.locator(selector).innerText().contains(text); i++) {
            page.waitForTimeout(300);
            page.reload();
        }
        assertThat(page.locator(selector)).containsText(text);
    }

    @Test
    void aMerchantsProductSoldInACommunityStoreSettlesForTheOwnerAndShowsUnderThatCommunity() {
        try (var merchantContext = visitor(false); var ownerContext = visitor(true); var memberContext = visitor(true)) {
            // the merchant, real name verified, opens a shop and lists a product with two variants
            var merchantPage = merchantContext.newPage();
            var merchant = signUp(merchantContext, merchantPage, "好物商家老陈");
            verify(merchant.id());
            merchantPage.navigate(url("/shop"));
            merchantPage.fill("form[action='/shop'] input[name=name]", "老陈的书店");
            merchantPage.fill("form[action='/shop'] textarea[name=description]", "只卖读过的好书。");
            merchantPage.fill("form[action='/shop'] input[name=contact]", "微信 laochen");
            merchantPage.fill("form[action='/shop'] textarea[name=settlement]", "招商银行 6225 **** 0001");
            merchantPage.locator("form[action='/shop'] button[type=submit]").click();
            merchantPage.waitForLoadState();
            merchantPage.navigate(url("/shop/products/new"));
            merchantPage.fill("input[name=title]", "产品经理手册");
            merchantPage.fill("textarea[name=description]", "**产品经理**的入门书。");
            merchantPage.fill("input[name=category]", "图书");
            merchantPage.fill("input[name=tags]", "读书,产品");
            merchantPage.fill("input[name=commissionBp]", "1500");
            merchantPage.fill("textarea[name=skus]", "版本=精装 | 59.00 | 5\n版本=平装 | 39.00 | 8");
            merchantPage.check("input[name=published]");
            merchantPage.locator("form[action='/shop/products'] button[type=submit]").click();
            merchantPage.waitForURL("**/mall/products/*");
            var productPath = merchantPage.url().substring(merchantPage.url().indexOf("/mall/products/"));
            assertThat(merchantPage.locator("body")).containsText("平装");

            // the owner puts it in the community's store, from the product page
            var ownerPage = ownerContext.newPage();
            var owner = signUp(ownerContext, ownerPage, "读书会群主");
            var slug = createCommunity(ownerContext.request(), owner, CommunityFixtures.settings(
                    org.shequn.Api.unique("books"), "OPEN", 40));
            ownerPage.navigate(url(productPath));
            ownerPage.selectOption("#add-to-store select[name=slug]", slug);
            ownerPage.fill("#add-to-store input[name=recommendation]", "读书会这个月读它");
            ownerPage.locator("#add-to-store button[type=submit]").click();
            ownerPage.waitForURL("**/c/" + slug + "/store");
            assertThat(ownerPage.locator(".store-item")).containsText("读书会这个月读它");
            screenshot(ownerPage, "commerce-01-store-phone");

            // a member buys the paperback through the test mode
            var memberPage = memberContext.newPage();
            var member = signUp(memberContext, memberPage, "读书会成员小王");
            join(memberContext.request(), member, slug);
            memberPage.navigate(url("/c/" + slug + "/store"));
            var option = memberPage.locator(".store-buy select[name=sku] option", new Page.LocatorOptions().setHasText("平装"));
            memberPage.selectOption(".store-buy select[name=sku]", option.getAttribute("value"));
            memberPage.fill(".store-buy input[name=quantity]", "2");
            memberPage.fill(".store-buy input[name=address]", "上海市静安区南京西路 1 号");
            memberPage.locator(".store-buy button.primary").click();
            memberPage.waitForURL("**/orders/*");
            var orderPath = memberPage.url().substring(memberPage.url().indexOf("/orders/"));
            memberPage.selectOption("form[action$='/pay'] select[name=channel]", "TEST");
            memberPage.locator("form[action$='/pay'] button[type=submit]").click();
            memberPage.waitForURL("**/payments/*/test");
            assertThat(memberPage.locator("body")).containsText("¥78.00");
            screenshot(memberPage, "commerce-02-test-payment-phone");
            memberPage.locator("button.payment-simulate").click();
            memberPage.waitForURL("**" + orderPath);
            reloadUntil(memberPage, "main", "已付款");

            // the merchant ships; the member confirms receipt
            merchantPage.navigate(url(orderPath));
            merchantPage.fill("form[action$='/ship'] input[name=carrier]", "顺丰");
            merchantPage.fill("form[action$='/ship'] input[name=trackingNo]", "SF1234567890");
            merchantPage.locator("form[action$='/ship'] button[type=submit]").click();
            merchantPage.waitForLoadState();
            memberPage.navigate(url(orderPath));
            memberPage.locator("form[action$='/receipt'] button[type=submit]").click();
            memberPage.waitForLoadState();
            assertThat(memberPage.locator("main")).containsText("已完成");
            screenshot(memberPage, "commerce-03-order-completed-phone");

            // before the window: pending; after it: settleable (commission 15% of 78.00 = 11.70)
            ownerPage.navigate(url("/c/" + slug + "/earnings"));
            assertThat(ownerPage.locator(".earnings-commission")).containsText("¥11.70");
            assertThat(ownerPage.locator(".manage-nav a[aria-current=page]")).hasText("收入");
            clock.advance(Duration.ofDays(8));
            ownerPage.reload();
            assertThat(ownerPage.locator(".earnings-commission dl div").nth(1)).containsText("¥11.70");
            assertThat(ownerPage.locator(".earnings-commission dl div").nth(0)).containsText("¥0.00");
            assertThat(ownerPage.locator(".earnings-sales")).containsText("¥78.00");
            assertThat(ownerPage.locator("#statement")).containsText("可结算");
            screenshot(ownerPage, "commerce-04-owner-earnings-phone");
            ownerPage.setViewportSize(1280, 900);
            screenshot(ownerPage, "commerce-04-owner-earnings-desktop");

            // the merchant's page: the sale under that community
            var communityName = jdbc.sql("select name from communities where slug = ?").param(slug).query(String.class).single();
            merchantPage.navigate(url("/shop/earnings"));
            var row = merchantPage.locator(".earnings-by-community tbody tr");
            assertThat(row).hasCount(1);
            assertThat(row).containsText(communityName);
            assertThat(row).containsText("¥78.00");
            screenshot(merchantPage, "commerce-05-merchant-earnings-desktop");
            merchantPage.setViewportSize(390, 844);
            screenshot(merchantPage, "commerce-05-merchant-earnings-phone");

            LedgerAssertions.assertBalanced(invariants);
        }
    }
}
