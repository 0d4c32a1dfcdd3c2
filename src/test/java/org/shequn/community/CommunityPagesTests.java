package org.shequn.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@IntegrationTest
class CommunityPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void ownerCreatesACommunityThroughTheFormAndSeesItsPage() throws Exception {
        var browser = new WebSession(mvc);
        browser.register("李雷");
        var slug = Api.unique("form-");
        browser.form("/communities/new", "name", "深圳产品人", "slug", slug, "description", "深圳的产品经理聚在一起",
                        "themes", "产品经理，深圳、交流", "memberCap", "40", "visibility", "PUBLIC", "entryPolicy", "APPROVAL",
                        "questions", "你在哪家公司？", "questions", "", "rules", "**真诚**交流")
                .andExpect(redirectedUrl("/c/" + slug + "/todo"));
        // the owner lands on the to-do centre, told what was made, with the new community's checklist
        browser.get("/c/" + slug + "/todo").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("「深圳产品人」已创建。")))
                .andExpect(content().string(Matchers.containsString("开张清单（已完成 1/4）")));
        // a member (the owner is one) opening the community lands on the feed
        browser.get("/c/" + slug).andExpect(redirectedUrl("/c/" + slug + "/posts"));
        browser.get("/c/" + slug + "/about").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("深圳产品人")))
                .andExpect(content().string(Matchers.containsString("<strong>真诚</strong>")))
                .andExpect(content().string(Matchers.containsString("1 / 40 人")))
                .andExpect(content().string(Matchers.containsString("还剩 39 个名额")));
        var themes = jdbc.sql("select theme from community_themes t join communities c on c.id = t.community_id where c.slug = ? order by position")
                .param(slug).query(String.class).list();
        assertThat(themes).containsExactly("产品经理", "深圳", "交流");
    }

    @Test
    void theShortFormMakesTheAddressTakesTheCoverAndAsksQuestionsOnlyForApproval() throws Exception {
        var browser = new WebSession(mvc);
        browser.register("周周");
        browser.get("/communities/new").andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"slug\""))))
                .andExpect(content().string(Matchers.containsString("data-shown-for-policy=\"APPROVAL\" hidden")));
        var png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB), "png", png);
        var cover = new MockMultipartFile("cover", "cover.png", "image/png", png.toByteArray());
        var created = browser.perform(MockMvcRequestBuilders.multipart("/communities/new").file(cover)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "上海晨跑团").param("description", "每天早上六点，滨江跑五公里。")
                        .param("entryPolicy", "OPEN").param("memberCap", "40").param("questions", "留在隐藏框里的问题"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(created).matches("/c/c-[a-z2-9]{6}/todo");
        var slug = created.split("/")[2];
        var row = jdbc.sql("select cover_key, entry_policy from communities where slug = ?").param(slug)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(row[0]).isNotNull();
        assertThat(row[1]).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from entry_questions q join communities c on c.id = q.community_id where c.slug = ?")
                .param(slug).query(Integer.class).single()).isZero();
        browser.get(created).andExpect(content().string(Matchers.containsString("开张清单（已完成 0/4）")));

        // a name with Latin words keeps them in the address
        browser.form("/communities/new", "name", "Runners 上海晨跑团", "entryPolicy", "APPROVAL", "memberCap", "40",
                        "questions", "你在做什么 AI 产品？")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern("/c/runners*/todo"));

        // a refused picture creates nothing
        long before = jdbc.sql("select count(*) from communities").query(Long.class).single();
        browser.perform(MockMvcRequestBuilders.multipart("/communities/new")
                        .file(new MockMultipartFile("cover", "cover.png", "image/png", "not a picture".getBytes()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "坏封面").param("entryPolicy", "OPEN").param("memberCap", "40"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from communities").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void showsFormErrorsInPlaceAndKeepsTheInput() throws Exception {
        var browser = new WebSession(mvc);
        browser.register("韩梅梅");
        browser.form("/communities/new", "name", "好名字", "slug", "ab", "memberCap", "abc", "visibility", "PUBLIC",
                        "entryPolicy", "OPEN")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("好名字")))
                .andExpect(content().string(Matchers.containsString("不能小于 2")))
                .andExpect(content().string(Matchers.containsString("长度须在 3 到 40 之间")));
        new WebSession(mvc).english().form("/communities/new").andExpect(status().is3xxRedirection());
    }

    @Test
    void rulesAndDescriptionsNeverRunScripts() throws Exception {
        var browser = new WebSession(mvc);
        browser.register("<img src=x onerror=alert(1)>");
        var slug = Api.unique("xss-");
        browser.form("/communities/new", "name", "<script>alert('name')</script>", "slug", slug,
                "description", "<img src=x onerror=alert(2)>", "themes", "<b>bold</b>", "memberCap", "40",
                "visibility", "PUBLIC", "entryPolicy", "OPEN",
                "rules", "<script>alert(3)</script>\n\n[x](javascript:alert(4))\n\n<iframe src=//evil></iframe>",
                "vision", "<svg onload=alert(5)>");
        var page = browser.get("/c/" + slug + "/about").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("javascript:alert")
                .doesNotContain("<iframe").doesNotContain("<svg").doesNotContain("<b>bold");
        var listing = browser.get("/communities").andReturn().getResponse().getContentAsString();
        assertThat(listing).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    void settingsAreTheOwnersOnly() throws Exception {
        var owner = new WebSession(mvc);
        owner.register("owner");
        var slug = Api.unique("own-");
        owner.form("/communities/new", "name", "社群", "slug", slug, "memberCap", "10", "visibility", "PUBLIC", "entryPolicy", "OPEN");
        owner.get("/c/" + slug + "/settings").andExpect(status().isOk());
        var stranger = new WebSession(mvc);
        stranger.register("stranger");
        stranger.get("/c/" + slug + "/settings").andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("只有群主可以这样做")));
        stranger.form("/c/" + slug + "/archive").andExpect(status().isForbidden());
        new WebSession(mvc).get("/c/" + slug + "/settings").andExpect(status().is3xxRedirection());
    }

    @Test
    void ownerUploadsACoverThatIsStoredReencoded() throws Exception {
        var owner = new WebSession(mvc);
        owner.register("owner");
        var slug = Api.unique("cover-");
        owner.form("/communities/new", "name", "有封面", "slug", slug, "memberCap", "10", "visibility", "PUBLIC", "entryPolicy", "OPEN");
        var image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        owner.perform(MockMvcRequestBuilders.multipart("/c/" + slug + "/cover")
                        .file(new MockMultipartFile("file", "cover.png", "image/png", png.toByteArray()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        var key = jdbc.sql("select cover_key from communities where slug = ?").param(slug).query(String.class).single();
        assertThat(key).endsWith(".png");
        mvc.perform(MockMvcRequestBuilders.get("/files/" + key)).andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));

        owner.perform(MockMvcRequestBuilders.multipart("/c/" + slug + "/cover")
                        .file(new MockMultipartFile("file", "evil.png", "image/png", "<html><script>alert(1)</script>".getBytes()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select cover_key from communities where slug = ?").param(slug).query(String.class).single())
                .isEqualTo(key);
    }
}
