package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.shequn.Api;

/**
 * The main path: A creates a community with approval, cap 3 and two questions; B applies and is
 * approved and finds A in the directory by city; C fills the last seat; D is refused with the message on
 * the page. Screenshots of each step go to target/screenshots/.
 */
class MainPathBrowserTest extends BrowserTest {

    @Test
    void approvalCommunityFillsUpAndRefusesTheFourthWithAMessage() {
        String slug;
        try (var a = visitor(false); var b = visitor(true); var c = visitor(false); var d = visitor(true)) {
            var owner = register(a, "阿岚", "深圳", "腾讯", "产品经理");
            screenshot(owner, "10-owner-profile");

            // the short first step: name, one line, entry policy (its questions appear with approval) and cap
            owner.navigate(url("/communities/new"));
            owner.fill("input[name=name]", "深圳产品人小组");
            owner.fill("input[name=description]", "深圳的产品经理，每月一次线下交流。");
            assertThat(owner.locator("input[name=questions]").first()).isHidden();
            owner.fill("input[name=memberCap]", "3");
            owner.check("input[name=entryPolicy][value=APPROVAL]");
            owner.locator("input[name=questions]").nth(0).fill("你在哪家公司做什么？");
            owner.locator("input[name=questions]").nth(1).fill("你希望从小组得到什么？");
            screenshot(owner, "10a-create-community");
            owner.locator("form[action^='/communities/new'] button[type=submit]").click();
            // the owner lands on the new community's to-do centre, told what was made, with its checklist
            owner.waitForURL("**/todo");
            slug = owner.url().replaceAll(".*/c/([^/?#]+)/todo.*", "$1");
            assertThat(owner.locator(".flash")).containsText("深圳产品人小组");
            assertThat(owner.locator("#checklist")).containsText("0/4");
            // first step of the checklist: the rules, in the settings
            owner.locator("#checklist a[href$='/settings#field-rules']").click();
            owner.fill("textarea[name=rules]", "1. **真诚**交流\n2. 不发广告");
            owner.locator("form[action='/c/" + slug + "/settings'] button[type=submit]").click();
            owner.navigate(url("/c/" + slug + "/todo"));
            assertThat(owner.locator("#checklist")).containsText("1/4");
            screenshot(owner, "11-community-created");

            // an invitation to pass on in WeChat: the link, its copy button and a QR code that really loads
            owner.navigate(url("/c/" + slug + "/invitations"));
            owner.locator("form[action='/c/" + slug + "/invitations'] button[type=submit]").click();
            assertThat(owner.locator("#created-link")).containsText("/c/" + slug + "/join?code=");
            assertThat(owner.locator("#created-invitation button[data-copy]")).isVisible();
            owner.waitForFunction("() => document.querySelector('#created-invitation img.qr').naturalWidth > 0");
            screenshot(owner, "11b-invitation-created");

            var applicant = register(b, "北辰", "北京", "字节跳动", "工程师");
            apply(applicant, slug, "字节跳动的工程师", "认识更多产品人");
            assertThat(applicant.locator("body")).containsText("审核");
            screenshot(applicant, "12-application-pending-phone");

            approveFirst(owner, slug);
            screenshot(owner, "13-owner-approved");

            applicant.navigate(url("/c/" + slug + "/members"));
            // on a phone the facets fold behind 更多筛选
            applicant.click("#filters .filter-fold > summary");
            applicant.fill("input[name=city]", "深圳");
            applicant.locator("#filters button[type=submit]").click();
            assertThat(applicant.locator("#rows")).containsText("阿岚");
            assertThat(applicant.locator("#rows")).not().containsText("北辰");
            assertThat(applicant.locator("#rows")).containsText("腾讯");
            screenshot(applicant, "14-directory-filtered-by-city-phone");

            var third = register(c, "小舟", "上海", "美团", "设计师");
            apply(third, slug, "美团的设计师", "交流设计和产品");
            approveFirst(owner, slug);
            owner.navigate(url("/c/" + slug + "/about"));
            assertThat(owner.locator("#capacity")).containsText("3 / 3");
            screenshot(owner, "15-community-full-owner-view");

            var fourth = register(d, "迟到者", "广州", "网易", "运营");
            fourth.navigate(url("/c/" + slug));
            assertThat(fourth.locator("#membership-panel")).containsText("已满员");
            fourth.navigate(url("/c/" + slug + "/apply"));
            if (fourth.locator("textarea[name=answers]").count() > 0) {
                fourth.locator("textarea[name=answers]").nth(0).fill("网易运营");
                fourth.locator("textarea[name=answers]").nth(1).fill("想加入");
                fourth.locator("form[action='/c/" + slug + "/apply'] button[type=submit]").click();
            }
            assertThat(fourth.locator("body")).containsText("已满员");
            screenshot(fourth, "16-fourth-refused-phone");
        }
    }

    private Page register(BrowserContext context, String name, String city, String company, String position) {
        var page = context.newPage();
        signUp(context, page, name);
        // the welcome: the name (kept as registered) and a picture, then work and city, then a way in
        page.locator("form[action^='/welcome'] button[type=submit]").click();
        page.waitForURL("**/welcome/work");
        page.fill("input[name=position]", position);
        page.fill("input[name=company]", company);
        page.fill("input[name=city]", city);
        page.locator("form[action='/welcome/work'] button[type=submit]").click();
        page.waitForURL("**/welcome/start");
        assertThat(page.locator(".steps li.current")).containsText("加入社群");
        return page;
    }

    private void apply(Page page, String slug, String first, String second) {
        page.navigate(url("/c/" + slug));
        page.locator("#membership-panel a[href='/c/" + slug + "/apply']").click();
        page.waitForURL("**/c/" + slug + "/apply");
        page.locator("textarea[name=answers]").nth(0).fill(first);
        page.locator("textarea[name=answers]").nth(1).fill(second);
        page.locator("form[action='/c/" + slug + "/apply'] button[type=submit]").click();
        page.waitForLoadState();
    }

    private void approveFirst(Page owner, String slug) {
        owner.navigate(url("/c/" + slug + "/manage"));
        owner.locator("form[action$='/approve'] button[type=submit]").first().click();
        owner.waitForLoadState();
    }
}
