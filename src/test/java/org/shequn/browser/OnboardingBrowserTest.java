package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;

/**
 * A new owner's first minutes, and the first member's: the owner registers, walks the welcome, creates a community
 * in the short form, follows the checklist to the invitations and copies the link; a second person opens the link,
 * registers and joins in one flow, and lands on the feed with the tab bar, the inviter recorded.
 */
class OnboardingBrowserTest extends BrowserTest {

    @Test
    void aNewOwnerInvitesTheFirstMemberWhoJoinsInOneFlow() {
        try (var ownerContext = visitor(false); var guestContext = visitor(true)) {
            ownerContext.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            var owner = ownerContext.newPage();
            signUp(ownerContext, owner, "晨跑团长老周");

            // the welcome: the name as registered, skip the work step, then create a community
            assertThat(owner.locator(".steps li.current")).containsText("名字和头像");
            screenshot(owner, "onboarding-01-welcome-desktop");
            owner.locator("form[action^='/welcome'] button[type=submit]").click();
            owner.waitForURL("**/welcome/work");
            owner.locator("a.button[href='/welcome/start']").click();
            owner.waitForURL("**/welcome/start");
            screenshot(owner, "onboarding-02-start-desktop");
            owner.locator(".welcome-ways a[href='/communities/new']").click();

            // the short form: a name, one line and the entry policy; no address to invent
            owner.fill("input[name=name]", "滨江晨跑团");
            owner.fill("input[name=description]", "每天早上六点，滨江跑五公里，跑完一起吃早饭。");
            owner.check("input[name=entryPolicy][value=INVITATION]");
            assertThat(owner.locator("input[name=questions]").first()).isHidden();
            owner.locator("form[action^='/communities/new'] button[type=submit]").click();
            owner.waitForURL("**/todo");
            var slug = owner.url().replaceAll(".*/c/([^/?#]+)/todo.*", "$1");
            assertThat(owner.locator(".flash")).containsText("滨江晨跑团");
            assertThat(owner.locator("#checklist")).containsText("0/4");
            screenshot(owner, "onboarding-03-checklist-desktop");

            // the checklist leads to the invitations: make one and copy its link
            owner.locator("#checklist a[href='/c/" + slug + "/invitations']").click();
            owner.locator("form[action='/c/" + slug + "/invitations'] button[type=submit]").click();
            var copy = owner.locator("#created-invitation button[data-copy]");
            loaded(owner);
            copy.click();
            assertThat(copy).hasText("已复制");
            var link = (String) owner.evaluate("() => navigator.clipboard.readText()");
            org.assertj.core.api.Assertions.assertThat(link).contains("/c/" + slug + "/join?code=");
            owner.navigate(url("/c/" + slug + "/todo"));
            assertThat(owner.locator("#checklist")).containsText("1/4");

            // the guest opens the link (in WeChat: the same path on the public address), registers and joins
            var guest = guestContext.newPage();
            guest.navigate(url(link.substring(link.indexOf("/c/"))));
            assertThat(guest.locator("body")).containsText("晨跑团长老周 邀请你加入这个社群");
            screenshot(guest, "onboarding-04-invitation-landing-phone");
            guest.locator("a.button.primary[href^='/register?next=']").click();
            guest.fill("input[name=email]", Api.unique("guest") + "@example.com");
            guest.fill("input[name=displayName]", "新跑友小林");
            guest.fill("input[name=password]", PASSWORD);
            guest.click("form[action^='/register'] button[type=submit]");
            guest.waitForURL("**/c/" + slug + "/join?code=**");
            screenshot(guest, "onboarding-05-join-step-phone");
            guest.locator("form[action='/c/" + slug + "/join'] button[type=submit]").click();
            guest.waitForURL("**/c/" + slug + "/posts");
            assertThat(guest.locator(".community-tabs")).containsText("动态");
            assertThat(guest.locator(".community-tabs a[aria-current=page]")).hasText("动态");
            assertThat(guest.locator(".flash")).isVisible();
            screenshot(guest, "onboarding-06-feed-phone");

            // the owner sees who brought them in
            owner.navigate(url("/c/" + slug + "/manage"));
            assertThat(owner.locator(".roster")).containsText("新跑友小林");
            assertThat(owner.locator(".roster")).containsText("由 晨跑团长老周 邀请");
        }
    }
}
