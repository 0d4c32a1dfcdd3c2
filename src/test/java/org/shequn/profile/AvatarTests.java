package org.shequn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class AvatarTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Profiles profiles;

    ResultActions upload(Api.User user, byte[] bytes, String filename, String type) throws Exception {
        return mvc.perform(multipart("/api/v1/me/avatar").file(new MockMultipartFile("file", filename, type, bytes))
                .header("Authorization", user.bearer()));
    }

    byte[] served(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void acceptsARealPngShrinksItAndServesAPng() throws Exception {
        var user = new Api(mvc).register("头像");
        var url = Api.body(upload(user, Pictures.png(800, 600), "me.png", "image/png").andExpect(status().isOk()))
                .get("avatarUrl").asString();
        assertThat(url).startsWith("/files/").endsWith(".png");
        var image = ImageIO.read(new ByteArrayInputStream(served(url)));
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(512);
        assertThat(profiles.find(user.id()).orElseThrow().avatarUrl()).isEqualTo(url);
        mvc.perform(get("/people/" + user.id())).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                .content().string(org.hamcrest.Matchers.containsString("src=\"" + url + "\"")));
    }

    @Test
    void replacingAnAvatarDeletesTheOldFile() throws Exception {
        var user = new Api(mvc).register("换头像");
        var first = Api.body(upload(user, Pictures.png(40, 40), "a.png", "image/png")).get("avatarUrl").asString();
        var second = Api.body(upload(user, Pictures.png(50, 50), "b.png", "image/png")).get("avatarUrl").asString();
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get(first)).andExpect(status().isNotFound());
        served(second);
    }

    @Test
    void refusesFilesThatAreNotPictures() throws Exception {
        var user = new Api(mvc).register("坏文件");
        upload(user, new byte[0], "empty.png", "image/png").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("avatar"));
        upload(user, "just some text, honest".getBytes(StandardCharsets.UTF_8), "text.png", "image/png")
                .andExpect(status().isBadRequest());
        upload(user, Pictures.pngDeclaring(100_000), "bomb.png", "image/png").andExpect(status().isBadRequest());
        assertThat(profiles.find(user.id()).orElseThrow().avatarUrl()).isNull();
    }

    @Test
    void neverServesTheScriptOfAGifHtmlPolyglot() throws Exception {
        var user = new Api(mvc).register("多语");
        var response = upload(user, Pictures.gifHtmlPolyglot(), "cat.gif", "image/gif").andReturn().getResponse();
        if (response.getStatus() == 200) {
            var bytes = served(Api.read(response.getContentAsString()).get("avatarUrl").asString());
            assertThat(Pictures.isPng(bytes)).isTrue();
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("<script");
        } else {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(profiles.find(user.id()).orElseThrow().avatarUrl()).isNull();
        }
    }

    @Test
    void refusesARealPictureWithDataAfterItsEnd() throws Exception {
        var user = new Api(mvc).register("带尾巴");
        var png = Pictures.png(30, 30);
        var html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        var tailed = java.util.Arrays.copyOf(png, png.length + html.length);
        System.arraycopy(html, 0, tailed, png.length, html.length);
        upload(user, tailed, "tail.png", "image/png").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("avatar"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("夹带")));
        assertThat(profiles.find(user.id()).orElseThrow().avatarUrl()).isNull();
    }

    @Test
    void refusesAFileOverFiveMegabytesWith413() throws Exception {
        var user = new Api(mvc).register("大文件");
        var big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(Pictures.png(10, 10), 0, big, 0, 8);
        upload(user, big, "big.png", "image/png").andExpect(status().isPayloadTooLarge());
    }

    @Test
    void anonymousCannotUploadAnAvatar() throws Exception {
        mvc.perform(multipart("/api/v1/me/avatar").file(new MockMultipartFile("file", "a.png", "image/png", Pictures.png(4, 4)))
                .with(csrf())).andExpect(status().isUnauthorized());
    }

    @Test
    void uploadsAnAvatarFromTheEditPageWithTheTokenInTheUrl() throws Exception {
        var email = Api.unique("avatarform") + "@example.com";
        var session = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/register")
                        .with(csrf()).param("email", email).param("password", "secret-pass-1").param("displayName", "表单头像"))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        var page = mvc.perform(get("/profile/edit").cookie(session)).andReturn().getResponse().getContentAsString();
        // the picture is chosen in the profile form itself, which carries the token in its address (a multipart
        // body is read after the CSRF check)
        var m = java.util.regex.Pattern.compile("action=\"/profile/edit\\?([^=]+)=([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        var action = "/profile/avatar?" + m.group(1) + "=" + m.group(2);
        mvc.perform(multipart(action).file(new MockMultipartFile("avatar", "me.png", "image/png", Pictures.png(30, 30)))
                        .cookie(session))
                .andExpect(redirectedUrl("/profile/edit?saved"));
        mvc.perform(multipart(action).file(new MockMultipartFile("avatar", "me.png", "image/png", "nope".getBytes(StandardCharsets.UTF_8)))
                        .cookie(session))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/profile/avatar").file(new MockMultipartFile("avatar", "me.png", "image/png", Pictures.png(30, 30)))
                        .cookie(session))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login?expired"));
        var html = mvc.perform(get("/profile/edit").cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("<img class=\"avatar large\" src=\"/files/[0-9a-f]{32}\\.png\"");
    }
}
