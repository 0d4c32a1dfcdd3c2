package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;

/** A destructive action asks first, in the page's own dialog; cancelling changes nothing, confirming says what happened. */
class ConfirmBrowserTest extends BrowserTest {

    @Test
    void archivingACommunityAsksFirstAndThenSaysWhatItDid() {
        try (var context = visitor(true)) {
            var page = context.newPage();
            var slug = createCommunity(context.request(), signUp(context, page, "归档群主"),
                    CommunityFixtures.settings(Api.unique("confirm-")));
            // dangerous settings live in the settings page, behind a confirmation
            page.navigate(url("/c/" + slug + "/settings"));
            var archive = page.locator("form[action='/c/" + slug + "/archive'] button[type=submit]");
            archive.click();
            var dialog = page.locator("dialog.confirm");
            assertThat(dialog).isVisible();
            assertThat(dialog).containsText("归档");
            screenshot(page, "confirm-01-archive-asks-phone");
            dialog.locator("button[value=no]").click();
            assertThat(dialog).not().isVisible();
            assertThat(page).hasURL(url("/c/" + slug + "/settings"));

            archive.click();
            dialog.locator("button[value=yes]").click();
            page.waitForURL("**/c/" + slug + "/posts");
            assertThat(page.locator(".flash")).containsText("社群已归档");
            screenshot(page, "confirm-02-archived-phone");
        }
    }
}
