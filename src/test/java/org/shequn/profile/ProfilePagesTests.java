package org.shequn.profile;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ProfilePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Profiles profiles;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long idOf(WebSession browser) throws Exception {
        var html = browser.get("/profile/edit").andReturn().getResponse().getContentAsString();
        var m = java.util.regex.Pattern.compile("href=\"/people/(\\d+)\" class=\"me\"").matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aNewcomerWalksTheWelcomeInThreeSteps() throws Exception {
        var browser = new WebSession(mvc);
        var email = Api.unique("welcome") + "@example.com";
        browser.form("/register", "email", email, "password", "secret-pass-1", "displayName", "新人")
                .andExpect(redirectedUrl("/welcome"));
        browser.get("/welcome").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("大家怎么称呼你")))
                .andExpect(content().string(Matchers.containsString("value=\"新人\"")));

        // step 1: a name (and a picture, in the same form); an empty name is refused with the field named
        browser.perform(multipart("/welcome").with(csrf()).param("displayName", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("昵称：不能为空")));
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(80, 80, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        browser.perform(multipart("/welcome").file(new org.springframework.mock.web.MockMultipartFile("avatar", "me.png",
                        "image/png", png.toByteArray())).with(csrf()).param("displayName", "陈思远"))
                .andExpect(redirectedUrl("/welcome/work"));
        long id = jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
        assertThat(jdbc.sql("select display_name from accounts where id = ?").param(id).query(String.class).single())
                .isEqualTo("陈思远");
        assertThat(jdbc.sql("select avatar_key from profiles where account_id = ?").param(id).query(String.class).single())
                .isNotNull();

        // step 2: position, company and city, each optional; skipping leaves them empty
        browser.form("/welcome/work", "position", "产品经理", "company", "字节跳动", "city", "上海")
                .andExpect(redirectedUrl("/welcome/start"));
        assertThat(jdbc.sql("select city from profiles where account_id = ?").param(id).query(String.class).single())
                .isEqualTo("上海");
        browser.form("/welcome/work", "city", "上".repeat(41)).andExpect(status().isBadRequest());

        // step 3: an invitation link from anywhere leads to its join step; anything else is refused
        browser.get("/welcome/start").andExpect(content().string(Matchers.containsString("我有邀请链接")))
                .andExpect(content().string(Matchers.containsString("href=\"/communities/new\"")));
        browser.form("/welcome/invitation", "link", "https://shequn.example.com/c/run-club/join?code=Ab3dEf9h")
                .andExpect(redirectedUrl("/c/run-club/join?code=Ab3dEf9h"));
        browser.form("/welcome/invitation", "link", "https://evil.example.com/phish")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("这不像是社群的邀请链接")));
        new WebSession(mvc).get("/welcome").andExpect(status().is3xxRedirection());
    }

    @Test
    void aPictureChosenInTheProfileFormIsSavedWithIt() throws Exception {
        var browser = new WebSession(mvc);
        var email = browser.register("选了头像的人");
        long id = jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(80, 80, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        var file = new org.springframework.mock.web.MockMultipartFile("avatar", "me.png", "image/png", png.toByteArray());
        // a refused field keeps the picture unsaved too
        browser.perform(multipart("/profile/edit").file(file).with(csrf()).param("displayName", ""))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select avatar_key from profiles where account_id = ?").param(id).query(String.class)
                .optional().orElse(null)).isNull();
        browser.perform(multipart("/profile/edit").file(file).with(csrf()).param("displayName", "选了头像的人")
                        .param("city", "杭州"))
                .andExpect(redirectedUrl("/profile/edit?saved"));
        assertThat(jdbc.sql("select avatar_key from profiles where account_id = ?").param(id).query(String.class).single())
                .isNotNull();
        browser.get("/profile/edit").andExpect(content().string(Matchers.containsString("enctype=\"multipart/form-data\"")));
    }

    @Test
    void savesTheFormAndShowsEverythingOnThePeoplePage() throws Exception {
        var browser = new WebSession(mvc);
        browser.register("韩梅梅");
        browser.form("/profile/edit", "displayName", "韩梅梅", "bio", "第一行\n第二行", "city", "上海", "industry", "教育",
                        "company", "新东方", "position", "教研主管",
                        "school", "复旦大学", "degree", "硕士", "startYear", "2010", "endYear", "2013",
                        "school", "", "degree", "", "startYear", "", "endYear", "",
                        "skills", "课程设计，演讲、写作, 演讲", "interests", "读书、跑步")
                .andExpect(redirectedUrl("/profile/edit?saved"));
        long id = idOf(browser);
        var card = profiles.find(id).orElseThrow();
        assertThat(card.skills()).containsExactly("课程设计", "演讲", "写作");
        assertThat(card.interests()).containsExactly("读书", "跑步");
        assertThat(card.education()).singleElement().satisfies(e -> {
            assertThat(e.school()).isEqualTo("复旦大学");
            assertThat(e.endYear()).isEqualTo(2013);
        });
        mvc.perform(get("/people/" + id)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("韩梅梅"), Matchers.containsString("教研主管 @ 新东方"),
                        Matchers.containsString("上海"), Matchers.containsString("教育"),
                        Matchers.containsString("复旦大学"), Matchers.containsString("2010–2013"),
                        Matchers.containsString("课程设计"), Matchers.containsString("跑步"),
                        Matchers.containsString("第一行<br>第二行"),
                        Matchers.containsString("hx-get=\"/people/" + id + "/social\""),
                        Matchers.matchesRegex("(?s).*<span class=\"avatar large hue-\\d+\" aria-hidden=\"true\">韩</span>.*"))));
        mvc.perform(get("/people/" + id + "?lang=en")).andExpect(content().string(Matchers.containsString("Education")));
    }

    @Test
    void escapesMarkupEverywhereOnThePeoplePage() throws Exception {
        var browser = new WebSession(mvc);
        browser.register("<b>name</b>");
        browser.form("/profile/edit", "displayName", "<img src=x onerror=alert(1)>", "bio", "<script>alert(1)</script>",
                        "city", "<i>c</i>", "industry", "\"><svg onload=alert(2)>", "company", "<script>co</script>",
                        "position", "<b>p</b>", "school", "<u>s</u>", "degree", "", "startYear", "", "endYear", "",
                        "skills", "<em>k</em>", "interests", "<a href=//x.cn>i</a>")
                .andExpect(status().is3xxRedirection());
        long id = idOf(browser);
        var html = mvc.perform(get("/people/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert(1)", "<script>co", "<img src=x", "<svg", "<b>p</b>", "<u>s</u>",
                "<em>k</em>", "<a href=//x.cn", "<i>c</i>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;co&lt;/script&gt;");
    }

    @Test
    void letsAnyoneViewAPersonButOnly404sForNobody() throws Exception {
        var browser = new WebSession(mvc);
        browser.register("公开");
        long id = idOf(browser);
        mvc.perform(get("/people/" + id)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("公开")));
        mvc.perform(get("/people/999999997")).andExpect(status().isNotFound());
    }

    @Test
    void sendsAnonymousVisitorsOfTheEditPageToLogin() throws Exception {
        mvc.perform(get("/profile/edit")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?next=%2Fprofile%2Fedit"));
    }

    @Test
    void showsFormErrorsNextToTheFieldsAndKeepsWhatWasTyped() throws Exception {
        var browser = new WebSession(mvc);
        browser.register("错误");
        browser.form("/profile/edit", "displayName", "错误", "city", "城".repeat(41), "company", "保留的公司",
                        "school", "浙大", "degree", "", "startYear", "二〇一〇", "endYear", "")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("保留的公司"),
                        Matchers.containsString("年份须是 1950 到 2100 之间的数字"))));
        browser.form("/profile/edit", "displayName", "错误", "city", "城".repeat(41))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("field invalid")));
        long id = idOf(browser);
        assertThat(profiles.find(id).orElseThrow().company()).isNull();
    }
}
