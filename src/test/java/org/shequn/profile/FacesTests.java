package org.shequn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.content.ContentFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Faces everywhere: every account has a picture at one address, and the pages that name people show it. */
@IntegrationTest
class FacesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAccountWithoutAPictureGetsItsInitialOnItsOwnColour() throws Exception {
        var api = new Api(mvc);
        var chen = api.register("陈思远");
        var svg = mvc.perform(get("/people/" + chen.id() + "/avatar").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("image/svg+xml")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=300")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(svg).contains(">陈</text>").contains(HUES[(int) Math.floorMod(chen.id(), 12)]);

        // a name that looks like markup is drawn as text, never as markup
        var sly = api.register("<b onload=alert(1)>");
        var drawn = mvc.perform(get("/people/" + sly.id() + "/avatar")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(drawn).contains(">&lt;</text>").doesNotContain("<b");

        // nobody by that id: a neutral face, not an error page where a picture was expected
        var nobody = mvc.perform(get("/people/987654321/avatar")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(nobody).contains(">?</text>");
    }

    @Test
    void anUploadedPictureIsWhereTheAddressLeads() throws Exception {
        var api = new Api(mvc);
        var li = api.register("李晓");
        var png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png);
        mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/me/avatar")
                        .file(new MockMultipartFile("file", "me.png", "image/png", png.toByteArray()))
                        .header("Authorization", li.bearer()))
                .andExpect(status().is2xxSuccessful());
        var to = mvc.perform(get("/people/" + li.id() + "/avatar")).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(to).startsWith("/files/");
        mvc.perform(get(to)).andExpect(status().isOk());
    }

    @Test
    void feedsPostsCommentsAndTheInboxShowTheirPeoplesFaces() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.post(f.member(), Api.obj("kind", "DISCUSSION", "title", "晨跑打卡第一天", "body", "五公里，配速六分。"));
        f.api().post(f.core(), f.base() + "/posts/" + post + "/comments", Api.obj("body", "加油！"))
                .andExpect(status().isCreated());
        var memberFace = "src=\"/people/" + f.member().id() + "/avatar\"";
        var coreFace = "src=\"/people/" + f.core().id() + "/avatar\"";

        assertThat(page(f.owner(), f.base().replace("/api/v1/communities", "/c") + "/posts")).contains(memberFace);
        assertThat(page(f.owner(), "/c/" + f.slug() + "/posts/" + post)).contains(memberFace).contains(coreFace);
        // the author is told of the reply, beside the replier's face
        assertThat(page(f.member(), "/notifications")).contains(coreFace);
        // the manage page's roster
        assertThat(page(f.owner(), "/c/" + f.slug() + "/manage")).contains(coreFace).contains("class=\"plain roster\"");
    }

    private String page(Api.User user, String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", user.bearer()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static final String[] HUES = {"#fee2e2", "#ffedd5", "#fef3c7", "#ecfccb", "#dcfce7", "#ccfbf1", "#cffafe",
            "#dbeafe", "#e0e7ff", "#ede9fe", "#fae8ff", "#fce7f3"};
}
