package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.TestClock;
import org.shequn.ledger.LedgerAssertions;
import org.shequn.ledger.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paying to join and renewing, through the pages: a user pays a paid community's entry fee in the test mode and
 * reads the feed; the term ends (the test moves the clock) and the feed says plainly that the membership expired and
 * how to renew; the renewal, at its own price, opens the feed again.
 */
class PaidEntryBrowserTest extends BrowserTest {

    @Autowired
    TestClock clock;
    @Autowired
    LedgerInvariants invariants;

    /** Pays on the entry page through the test mode and waits until the feed opens. */
    void payAndOpenTheFeed(Page page, String slug, String buttonText) {
        page.navigate(url("/c/" + slug + "/entry"));
        var button = page.locator("form.entry-checkout button[type=submit]");
        assertThat(button).containsText(buttonText);
        page.check("form.entry-checkout input[name=channel][value=TEST]");
        button.click();
        page.waitForURL("**/payments/*/test");
        page.locator("button.payment-simulate").click();
        page.waitForLoadState();
        for (int i = 0; i < 50; i++) {
            var response = page.navigate(url("/c/" + slug + "/posts"));
            if (response.status() == 200) {
                break;
            }
            page.waitForTimeout(300);
        }
        assertThat(page.locator(".community-tabs a[aria-current=page]")).hasText("动态");
    }

    @Test
    void aPaidMembershipExpiresLosesTheFeedWithARenewMessageAndRenewalRestoresIt() {
        try (var ownerContext = visitor(false); var memberContext = visitor(true)) {
            var ownerPage = ownerContext.newPage();
            var owner = signUp(ownerContext, ownerPage, "付费社群群主");
            var slug = createCommunity(ownerContext.request(), owner, CommunityFixtures.settings(Api.unique("paid"), "OPEN", 40));
            var terms = ownerContext.request().put(url("/api/v1/communities/" + slug + "/entry"), owner.auth().setData(
                    Api.obj("feeMinor", 9900, "termDays", 30, "renewalMinor", 6900, "refundHours", 72)));
            org.assertj.core.api.Assertions.assertThat(terms.status()).isEqualTo(200);

            var page = memberContext.newPage();
            signUp(memberContext, page, "付费成员小李");
            page.navigate(url("/c/" + slug + "/entry"));
            assertThat(page.locator("body")).containsText("¥99.00");
            screenshot(page, "paid-entry-01-entry-phone");
            payAndOpenTheFeed(page, slug, "¥99.00");
            screenshot(page, "paid-entry-02-feed-phone");

            // the term ends: the feed is closed, with the reason and the way back
            clock.advance(Duration.ofDays(31));
            var closed = page.navigate(url("/c/" + slug + "/posts"));
            org.assertj.core.api.Assertions.assertThat(closed.status()).isEqualTo(403);
            assertThat(page.locator("main")).containsText("到期");
            assertThat(page.locator("main")).containsText("续费");
            screenshot(page, "paid-entry-03-expired-phone");
            page.locator("main a.button.primary", new com.microsoft.playwright.Page.LocatorOptions().setHasText("续费")).click();
            page.waitForURL("**/c/" + slug + "/entry");

            // the renewal, at the renewal price, opens it again
            payAndOpenTheFeed(page, slug, "¥69.00");
            screenshot(page, "paid-entry-04-renewed-phone");

            // the owner's earnings count one join and one renewal
            ownerPage.navigate(url("/c/" + slug + "/earnings"));
            var ever = ownerPage.locator(".earnings-members tbody tr").nth(1);
            assertThat(ever).containsText("¥168.00");
            screenshot(ownerPage, "paid-entry-05-owner-earnings-desktop");
            LedgerAssertions.assertBalanced(invariants);
        }
    }
}
