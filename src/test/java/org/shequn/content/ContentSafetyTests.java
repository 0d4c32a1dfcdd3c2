package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.reaction.StickerFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Who may read and write content, hostile input, and stored XSS. */
@IntegrationTest
class ContentSafetyTests {

    static final List<String> XSS = List.of("<script>alert(1)</script>", "<ScRiPt>alert(1)</sCrIpT>",
            "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "&lt;script&gt;",
            "<iframe src=//evil>", "<div style=\"background:url(javascript:alert(1))\">");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRoleReadsAndWritesButOutsidersAndAnonymousGetNothing() throws Exception {
        var api = new Api(mvc);
        var f = ContentFixture.create(api, jdbc);
        long post = f.discussion(f.owner(), "群主的帖子");
        for (var user : List.of(f.owner(), f.admin(), f.core(), f.member())) {
            api.get(user, f.base() + "/posts").andExpect(status().isOk());
            api.get(user, f.base() + "/posts?view=featured").andExpect(status().isOk());
            api.get(user, f.base() + "/posts/" + post).andExpect(status().isOk());
            api.get(user, f.base() + "/sections").andExpect(status().isOk());
            long mine = f.discussion(user, "我来了");
            api.post(user, f.base() + "/posts/" + post + "/comments", Api.obj("body", "好")).andExpect(status().isCreated());
            api.put(user, f.base() + "/posts/" + mine, Api.obj("kind", "DISCUSSION", "body", "改")).andExpect(status().isOk());
            api.get(user, f.base() + "/posts/" + mine + "/history").andExpect(status().isOk());
            api.delete(user, f.base() + "/posts/" + mine).andExpect(status().isNoContent());
        }
        long comment = jdbc.sql("select max(id) from comments where post_id = ?").param(post).query(Long.class).single();
        record Call(String method, String path, Object body) {
        }
        var calls = List.of(new Call("GET", "/posts", null), new Call("GET", "/posts?view=featured", null),
                new Call("GET", "/posts/" + post, null), new Call("GET", "/posts/" + post + "/history", null),
                new Call("GET", "/sections", null),
                new Call("POST", "/posts", Api.obj("kind", "DISCUSSION", "body", "x")),
                new Call("PUT", "/posts/" + post, Api.obj("kind", "DISCUSSION", "body", "x")),
                new Call("DELETE", "/posts/" + post, null),
                new Call("POST", "/posts/" + post + "/comments", Api.obj("body", "x")),
                new Call("DELETE", "/comments/" + comment, null),
                new Call("PUT", "/posts/" + post + "/pin", null), new Call("DELETE", "/posts/" + post + "/pin", null),
                new Call("PUT", "/posts/" + post + "/featured", null),
                new Call("DELETE", "/posts/" + post + "/featured", null),
                new Call("POST", "/sections", Api.obj("name", "x", "icon", "chat", "posting", "EVERYONE")));
        for (var call : calls) {
            var path = f.base() + call.path();
            for (var who : new Api.User[] {f.outsider(), null}) {
                var result = switch (call.method()) {
                    case "GET" -> api.get(who, path);
                    case "POST" -> api.post(who, path, call.body());
                    case "PUT" -> api.put(who, path, call.body());
                    default -> api.delete(who, path);
                };
                result.andExpect(who == null ? status().isUnauthorized() : status().isForbidden());
            }
        }
        // pages: anonymous → login, outsider → 403
        var outsider = new org.shequn.WebSession(mvc);
        outsider.register("网页路人");
        for (var page : List.of("/posts", "/posts/new", "/posts/" + post, "/posts/" + post + "/edit",
                "/posts/" + post + "/history", "/sections")) {
            mvc.perform(MockMvcRequestBuilders.get("/c/" + f.slug() + page)).andExpect(status().is3xxRedirection());
            outsider.get("/c/" + f.slug() + page).andExpect(status().isForbidden());
        }
        outsider.form("/c/" + f.slug() + "/posts/preview", "body", "**x**").andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from posts where community_id = ? and deleted_at is null")
                .param(f.communityId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void archivedCommunitiesAreReadOnly() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.member(), "归档前");
        f.api().post(f.owner(), "/api/v1/communities/" + f.slug() + "/archive", null).andExpect(status().isOk());
        f.api().get(f.member(), f.base() + "/posts/" + post).andExpect(status().isOk());
        f.api().post(f.member(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "x")).andExpect(status().isConflict());
        f.api().post(f.member(), f.base() + "/posts/" + post + "/comments", Api.obj("body", "x")).andExpect(status().isConflict());
        f.api().put(f.admin(), f.base() + "/posts/" + post + "/pin", null).andExpect(status().isConflict());
        f.api().post(f.owner(), f.base() + "/sections", Api.obj("name", "x", "icon", "chat", "posting", "EVERYONE"))
                .andExpect(status().isConflict());
    }

    @Test
    void refusesBadInputAndWritesNothing() throws Exception {
        var api = new Api(mvc);
        var f = ContentFixture.create(api, jdbc);
        var other = ContentFixture.create(api, jdbc);
        long foreignSection = other.section("别处", "EVERYONE");
        long archived = f.section("旧板块", "EVERYONE");
        api.delete(f.owner(), f.base() + "/sections/" + archived).andExpect(status().isNoContent());
        List<Map<String, Object>> bodies = List.of(
                Api.obj("kind", "DISCUSSION", "body", ""),
                Api.obj("kind", "DISCUSSION", "body", "   "),
                Api.obj("kind", "DISCUSSION"),
                Api.obj("kind", "POLL", "body", "x"),
                Api.obj("body", "x"),
                Api.obj("kind", "QUESTION", "body", "x"),
                Api.obj("kind", "ARTICLE", "title", " ", "body", "x"),
                Api.obj("kind", "DISCUSSION", "title", "长".repeat(121), "body", "x"),
                Api.obj("kind", "DISCUSSION", "body", "x".repeat(20001)),
                Api.obj("kind", "DISCUSSION", "body", "x", "tags", List.of("a", "b", "c", "d", "e", "f")),
                Api.obj("kind", "DISCUSSION", "body", "x", "tags", List.of("标".repeat(21))),
                Api.obj("kind", "DISCUSSION", "body", "x", "tags", List.of("")),
                Api.obj("kind", "DISCUSSION", "body", "x", "sectionId", 99999999L),
                Api.obj("kind", "DISCUSSION", "body", "x", "sectionId", foreignSection),
                Api.obj("kind", "DISCUSSION", "body", "x", "sectionId", archived),
                Api.obj("kind", "DISCUSSION", "body", "x", "sectionId", "abc"),
                Api.obj("kind", "DISCUSSION", "body", List.of("x")),
                Api.obj("kind", "DISCUSSION", "body", "x", "tags", "not-a-list"),
                Api.obj("kind", "DISCUSSION", "title", "<script>alert(1)</script>\u0000", "body", "x"));
        for (var body : bodies) {
            api.post(f.member(), f.base() + "/posts", body).andExpect(status().isBadRequest());
        }
        api.postRaw(f.member(), f.base() + "/posts", "{", MediaType.APPLICATION_JSON).andExpect(status().isBadRequest());
        long post = f.discussion(f.member(), "正常");
        for (var body : List.of(Api.obj("body", ""), Api.obj("body", "x".repeat(5001)), Api.obj("body", "x", "parentId", 9999999L),
                Api.obj("body", List.of("x")), Api.obj("body", "x", "parentId", "abc"))) {
            api.post(f.member(), f.base() + "/posts/" + post + "/comments", body).andExpect(status().isBadRequest());
        }
        for (var body : List.of(Api.obj("name", "", "icon", "chat", "posting", "EVERYONE"),
                Api.obj("name", "名".repeat(21), "icon", "chat", "posting", "EVERYONE"),
                Api.obj("name", "x", "description", "说".repeat(201), "icon", "chat", "posting", "EVERYONE"),
                Api.obj("name", "x", "icon", "rocket", "posting", "EVERYONE"),
                Api.obj("name", "x", "icon", "chat", "posting", "ANYONE"),
                Api.obj("name", "x", "icon", "chat"))) {
            api.post(f.owner(), f.base() + "/sections", body).andExpect(status().isBadRequest());
        }
        api.get(f.member(), f.base() + "/posts/abc").andExpect(status().isBadRequest());
        api.get(f.member(), f.base() + "/posts/99999999").andExpect(status().isNotFound());
        api.get(f.member(), f.base() + "/posts?section=" + foreignSection).andExpect(status().isNotFound());
        api.get(f.member(), other.base() + "/posts/" + post).andExpect(status().isForbidden());
        api.get(other.owner(), other.base() + "/posts/" + post).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from posts where community_id = ?").param(f.communityId())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from comments where post_id = ?").param(post).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from content_sections where community_id = ?").param(f.communityId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void storedXssNeverSurvivesInPagesOrApiHtml() throws Exception {
        var api = new Api(mvc);
        var f = ContentFixture.create(api, jdbc);
        var web = new org.shequn.WebSession(mvc);
        var email = web.register("网页成员");
        long webId = jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
        org.shequn.Members.add(jdbc, f.communityId(), webId, "MEMBER");
        for (var payload : XSS) {
            long section = f.section(payload.length() > 20 ? payload.substring(0, 20) : payload, "EVERYONE");
            long post = f.post(f.member(), Api.obj("kind", "ARTICLE", "title", payload, "body", payload + "\n\n正文 " + payload,
                    "tags", List.of(payload.length() > 20 ? payload.substring(0, 20) : payload), "sectionId", section));
            api.post(f.member(), f.base() + "/posts/" + post + "/comments", Api.obj("body", payload)).andExpect(status().isCreated());
            api.put(f.member(), f.base() + "/posts/" + post, Api.obj("kind", "ARTICLE", "title", payload, "body", "v2 " + payload))
                    .andExpect(status().isOk());
            api.delete(f.owner(), f.base() + "/sections/" + section).andExpect(status().isNoContent());
            var json = Api.body(api.get(f.member(), f.base() + "/posts/" + post));
            assertSafe(json.get("bodyHtml").asString());
            json.get("comments").forEach(c -> assertSafe(c.get("bodyHtml").asString()));
            Api.body(api.get(f.member(), f.base() + "/posts/" + post + "/history")).get("versions")
                    .forEach(v -> assertSafe(v.get("bodyHtml").asString()));
            for (var page : List.of("/posts", "/posts?section=" + section, "/posts/" + post)) {
                assertSafe(web.get("/c/" + f.slug() + page).andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsString());
            }
            assertSafe(web.form("/c/" + f.slug() + "/posts/preview", "body", payload).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
        }
    }

    /** Sticker pack and sticker names end up in text, alt and title attributes: escaped everywhere. */
    @Test
    void stickerAndPackNamesAreEscaped() throws Exception {
        var api = new Api(mvc);
        var f = ContentFixture.create(api, jdbc);
        var web = new org.shequn.WebSession(mvc);
        var email = web.register("网页成员");
        long webId = jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
        org.shequn.Members.add(jdbc, f.communityId(), webId, "MEMBER");
        long post = f.discussion(f.member(), "表情测试");
        for (var payload : XSS) {
            var name = payload.length() > 20 ? payload.substring(0, 20) : payload;
            var pack = Api.body(mvc.perform(MockMvcRequestBuilders.multipart(f.base() + "/sticker-packs").param("name", name)
                    .file(new org.springframework.mock.web.MockMultipartFile("stickers", payload, "image/png",
                            StickerFiles.png(16, 16)))
                    .param("names", name).header("Authorization", f.owner().bearer())).andExpect(status().isCreated()));
            long sticker = pack.get("stickers").get(0).get("id").asLong();
            api.put(f.member(), f.base() + "/posts/" + post + "/reactions/sticker:" + sticker, null).andExpect(status().isOk());
            api.post(f.member(), f.base() + "/posts/" + post + "/comments", Api.obj("body", "", "stickerId", sticker))
                    .andExpect(status().isCreated());
        }
        for (var page : List.of("/stickers", "/posts/" + post, "/posts")) {
            assertSafeAttributes(web.get("/c/" + f.slug() + page).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString());
        }
    }

    /**
     * Like {@link #assertSafe}, for pages that put user text into attribute values (alt, title): "onerror=" or
     * "javascript:" inside a quoted, escaped value is inert, so only attribute names and URL attributes count.
     */
    static void assertSafeAttributes(String html) {
        var lower = html.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower).doesNotContain("<script>alert").doesNotContain("<iframe").doesNotContain("<svg")
                .doesNotContain("<img src=x").doesNotContain("<div style");
        var tags = TAG.matcher(html);
        while (tags.find()) {
            var tag = tags.group().toLowerCase(java.util.Locale.ROOT);
            var names = tag.replaceAll("\"[^\"]*\"", "\"\"");
            assertThat(names).doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContainPattern("\\sstyle\\s*=");
            assertThat(tag).doesNotContainPattern("(href|src|action)\\s*=\\s*\"\\s*javascript:");
        }
    }

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

    static void assertSafe(String html) {
        var lower = html.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower).doesNotContain("<script>alert").doesNotContain("<iframe").doesNotContain("<svg")
                .doesNotContain("<img src=x").doesNotContain("<div style");
        var tags = TAG.matcher(html);
        while (tags.find()) {
            var tag = tags.group().toLowerCase(java.util.Locale.ROOT);
            assertThat(tag).doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("javascript:")
                    .doesNotContainPattern("\\sstyle\\s*=");
        }
    }
}
