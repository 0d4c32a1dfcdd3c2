package org.shequn.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.content.ContentFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Sticker packs (表情包): uploads judged by their bytes, who may manage them, who may see them. */
@IntegrationTest
class StickerTests {

    static final Path FILES = Path.of("target/test-data/files");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    record Sticker(String filename, byte[] bytes, String name) {
    }

    ResultActions upload(Api.User user, String slug, String name, Sticker... stickers) throws Exception {
        var request = multipart("/api/v1/communities/" + slug + "/sticker-packs").param("name", name);
        for (var s : stickers) {
            request.file(new MockMultipartFile("stickers", s.filename(), "image/png", s.bytes()));
            request.param("names", s.name());
        }
        request.accept("application/json", "application/problem+json");
        if (user != null) {
            request.header("Authorization", user.bearer());
        }
        return mvc.perform(request);
    }

    long pack(ContentFixture f, String name, Sticker... stickers) throws Exception {
        return Api.body(upload(f.owner(), f.slug(), name, stickers).andExpect(status().isCreated())).get("id").asLong();
    }

    static Sticker png(String name) {
        return new Sticker("a.png", StickerFiles.png(64, 64), name);
    }

    long stickerIn(long packId) {
        return jdbc.sql("select min(id) from stickers where pack_id = ?").param(packId).query(Long.class).single();
    }

    static long files() throws Exception {
        if (!Files.isDirectory(FILES)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(FILES)) {
            return list.count();
        }
    }

    int rows(long communityId) {
        return jdbc.sql("select count(*) from stickers where community_id = ?").param(communityId).query(Integer.class).single()
                + jdbc.sql("select count(*) from sticker_packs where community_id = ?").param(communityId)
                .query(Integer.class).single();
    }

    @Test
    void acceptsPngGifAndWebpAndKeepsAnimatedGifsByteForByte() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var gif = StickerFiles.animatedGif(64, 48);
        assertThat(StickerFiles.gifFrames(gif)).isEqualTo(2);
        var body = Api.body(upload(f.owner(), f.slug(), "猫猫", new Sticker("x.bin", StickerFiles.png(120, 80), "猫猫点头"),
                new Sticker("cat.gif", gif, "猫猫转圈"), new Sticker("cat.webp", StickerFiles.webp(), "小点"))
                .andExpect(status().isCreated()));
        assertThat(body.get("name").asString()).isEqualTo("猫猫");
        var stickers = body.get("stickers");
        assertThat(stickers).hasSize(3);
        assertThat(stickers.get(0).get("width").asInt()).isEqualTo(120);
        assertThat(stickers.get(1).get("name").asString()).isEqualTo("猫猫转圈");
        var served = mvc.perform(get(stickers.get(1).get("url").asString()).header("Authorization", f.member().bearer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/gif"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")))
                .andExpect(header().string("Cache-Control", containsString("private")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(gif);
        assertThat(StickerFiles.gifFrames(served)).isEqualTo(2);
        mvc.perform(get(stickers.get(2).get("url").asString()).header("Authorization", f.member().bearer()))
                .andExpect(header().string("Content-Type", "image/webp"))
                .andExpect(content().bytes(StickerFiles.webp()));
        mvc.perform(get(stickers.get(0).get("url").asString()).header("Authorization", f.member().bearer()))
                .andExpect(header().string("Content-Type", "image/png"));
        // the files are private: the public file route refuses their keys
        var key = jdbc.sql("select file_key from stickers where id = ?").param(stickers.get(0).get("id").asLong())
                .query(String.class).single();
        mvc.perform(get("/files/" + key)).andExpect(status().isNotFound());
    }

    @Test
    void refusesBadFilesAndStoresNothing() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var gif = StickerFiles.animatedGif(16, 16);
        var zip = new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        var html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII);
        record Case(String what, byte[] bytes) {
        }
        var cases = List.of(
                new Case("zero bytes", new byte[0]),
                new Case("oversized", StickerFiles.noisyPng(400)),
                new Case("padded past the size limit", StickerFiles.concat(StickerFiles.png(8, 8), new byte[600 * 1024])),
                new Case("PNG larger than 512×512", StickerFiles.png(600, 300)),
                new Case("PNG declaring 100000×100000", StickerFiles.pngDeclaring(100_000)),
                new Case("GIF declaring 4000×4000", StickerFiles.gifDeclaring(4000, 4000)),
                new Case("GIF + HTML polyglot", StickerFiles.concat(gif, html)),
                new Case("GIF + ZIP polyglot", StickerFiles.concat(gif, zip)),
                new Case("GIF + trailing semicolon", StickerFiles.concat(gif, ";".getBytes(StandardCharsets.US_ASCII))),
                new Case("GIF header followed by HTML", StickerFiles.concat("GIF89a".getBytes(StandardCharsets.US_ASCII),
                        StickerFiles.concat(new byte[] {8, 0, 8, 0, 0, 0, 0}, html))),
                new Case("truncated GIF", java.util.Arrays.copyOf(gif, gif.length - 10)),
                new Case("WebP with a wrong RIFF size", StickerFiles.webpWrongSize()),
                new Case("WebP + ZIP polyglot", StickerFiles.concat(StickerFiles.webp(), zip)),
                new Case("WebP declaring 1000×1000", StickerFiles.webpDeclaring(1000, 1000)),
                new Case("WebP with no image chunk", StickerFiles.webpUnknownChunk()),
                new Case("JPEG", StickerFiles.jpeg(32, 32)),
                new Case("SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)),
                new Case("HTML", html),
                new Case("text", "hello".getBytes(StandardCharsets.US_ASCII)));
        long filesBefore = files();
        for (var c : cases) {
            // a good sticker before the bad one: the whole upload is refused, the good one is not kept either
            var result = upload(f.owner(), f.slug(), "坏包", png("好的"), new Sticker("evil.png", c.bytes(), "坏的"))
                    .andReturn().getResponse();
            assertThat(result.getStatus()).as(c.what()).isEqualTo(400);
            assertThat(result.getContentAsString(StandardCharsets.UTF_8)).as(c.what()).contains("stickers[1]");
            assertThat(rows(f.communityId())).as(c.what()).isZero();
            assertThat(files()).as(c.what()).isEqualTo(filesBefore);
        }
        // one sticker too many, a blank or overlong pack name, no stickers at all
        var many = new Sticker[StickerPacks.MAX_STICKERS + 1];
        java.util.Arrays.fill(many, png("多"));
        upload(f.owner(), f.slug(), "太多", many).andExpect(status().isBadRequest());
        upload(f.owner(), f.slug(), "   ", png("x")).andExpect(status().isBadRequest());
        upload(f.owner(), f.slug(), "长".repeat(21), png("x")).andExpect(status().isBadRequest());
        upload(f.owner(), f.slug(), "名\u0007字", png("x")).andExpect(status().isBadRequest());
        upload(f.owner(), f.slug(), "包", png("长".repeat(21))).andExpect(status().isBadRequest());
        upload(f.owner(), f.slug(), "空包").andExpect(status().isBadRequest());
        assertThat(rows(f.communityId())).isZero();
        assertThat(files()).isEqualTo(filesBefore);

        // the English message says what is wrong
        var english = mvc.perform(multipart(f.base() + "/sticker-packs").param("name", "x")
                .file(new MockMultipartFile("stickers", "a.gif", "image/gif", StickerFiles.concat(gif, html)))
                .header("Authorization", f.owner().bearer()).header("Accept-Language", "en")
                .accept("application/problem+json")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("other data after its end");
    }

    @Test
    void limitsPacksPerCommunityAndStickersPerPack() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long first = 0;
        for (int i = 0; i < StickerPacks.MAX_PACKS; i++) {
            long id = pack(f, "包" + i, png("表情"));
            first = i == 0 ? id : first;
        }
        // archiving does not free a place: archived packs still count
        f.api().put(f.owner(), f.base() + "/sticker-packs/" + first + "/archived", null).andExpect(status().isNoContent());
        long filesBefore = files();
        int rowsBefore = rows(f.communityId());
        upload(f.owner(), f.slug(), "第十一个", png("x")).andExpect(status().isConflict());
        assertThat(files()).isEqualTo(filesBefore);
        assertThat(rows(f.communityId())).isEqualTo(rowsBefore);
        f.api().delete(f.owner(), f.base() + "/sticker-packs/" + first).andExpect(status().isNoContent());
        assertThat(files()).isEqualTo(filesBefore - 1);

        var full = new Sticker[StickerPacks.MAX_STICKERS];
        java.util.Arrays.fill(full, png("满"));
        long fullPack = pack(f, "满的", full);
        filesBefore = files();
        mvc.perform(multipart(f.base() + "/sticker-packs/" + fullPack + "/stickers")
                .file(new MockMultipartFile("file", "a.png", "image/png", StickerFiles.png(10, 10)))
                .header("Authorization", f.owner().bearer())).andExpect(status().isConflict());
        assertThat(files()).isEqualTo(filesBefore);
        assertThat(jdbc.sql("select count(*) from stickers where pack_id = ?").param(fullPack).query(Integer.class).single())
                .isEqualTo(StickerPacks.MAX_STICKERS);
    }

    @Test
    void ownersAndAdminsManagePacksOthersCannot() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var api = f.api();
        for (var who : List.of(f.owner(), f.admin())) {
            long id = Api.body(upload(who, f.slug(), "管理", png("一")).andExpect(status().isCreated())).get("id").asLong();
            long sticker = stickerIn(id);
            api.put(who, f.base() + "/sticker-packs/" + id, Api.obj("name", "改名")).andExpect(status().isNoContent());
            api.put(who, f.base() + "/stickers/" + sticker, Api.obj("name", "新名")).andExpect(status().isNoContent());
            api.put(who, f.base() + "/sticker-packs/" + id + "/archived", null).andExpect(status().isNoContent());
            api.delete(who, f.base() + "/sticker-packs/" + id + "/archived").andExpect(status().isNoContent());
            var added = mvc.perform(multipart(f.base() + "/sticker-packs/" + id + "/stickers")
                    .file(new MockMultipartFile("file", "b.webp", "image/webp", StickerFiles.webp())).param("name", "二")
                    .header("Authorization", who.bearer())).andExpect(status().isCreated());
            assertThat(Api.body(added).get("stickers")).hasSize(2);
            api.delete(who, f.base() + "/stickers/" + sticker).andExpect(status().isNoContent());
            api.delete(who, f.base() + "/sticker-packs/" + id).andExpect(status().isNoContent());
        }
        long id = pack(f, "留着", png("一"));
        long sticker = stickerIn(id);
        int rowsBefore = rows(f.communityId());
        for (var who : new Api.User[] {f.core(), f.member(), f.outsider(), null}) {
            var expected = who == null ? 401 : 403;
            assertThat(upload(who, f.slug(), "不行", png("x")).andReturn().getResponse().getStatus()).isEqualTo(expected);
            var calls = List.of(api.put(who, f.base() + "/sticker-packs/" + id, Api.obj("name", "x")),
                    api.put(who, f.base() + "/stickers/" + sticker, Api.obj("name", "x")),
                    api.put(who, f.base() + "/sticker-packs/" + id + "/archived", null),
                    api.delete(who, f.base() + "/sticker-packs/" + id + "/archived"),
                    api.delete(who, f.base() + "/stickers/" + sticker),
                    api.delete(who, f.base() + "/sticker-packs/" + id));
            for (var call : calls) {
                assertThat(call.andReturn().getResponse().getStatus()).isEqualTo(expected);
            }
        }
        assertThat(rows(f.communityId())).isEqualTo(rowsBefore);
        assertThat(jdbc.sql("select name from sticker_packs where id = ?").param(id).query(String.class).single()).isEqualTo("留着");
        // an archived community is read-only, for its owner too
        api.post(f.owner(), "/api/v1/communities/" + f.slug() + "/archive", null).andExpect(status().isOk());
        upload(f.owner(), f.slug(), "归档后", png("x")).andExpect(status().isConflict());
        api.delete(f.owner(), f.base() + "/sticker-packs/" + id).andExpect(status().isConflict());
    }

    @Test
    void onlyMembersSeeStickerImagesAndPacks() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var other = ContentFixture.create(f.api(), jdbc);
        long sticker = stickerIn(pack(f, "私有", png("一")));
        long archivedPack = pack(f, "旧的", png("旧"));
        long oldSticker = stickerIn(archivedPack);
        f.api().put(f.owner(), f.base() + "/sticker-packs/" + archivedPack + "/archived", null).andExpect(status().isNoContent());
        for (var path : List.of("/c/" + f.slug() + "/stickers/" + sticker + "/image",
                f.base() + "/stickers/" + sticker + "/image")) {
            for (var who : List.of(f.owner(), f.admin(), f.core(), f.member())) {
                mvc.perform(get(path).header("Authorization", who.bearer())).andExpect(status().isOk())
                        .andExpect(header().string("Content-Type", "image/png"));
            }
            mvc.perform(get(path).header("Authorization", f.outsider().bearer())).andExpect(status().isForbidden());
            mvc.perform(get(path).header("Authorization", other.owner().bearer())).andExpect(status().isForbidden());
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isIn(401, 302);
        }
        // a sticker id from another community does not resolve under this one
        long foreign = stickerIn(pack(other, "别人的", png("别")));
        mvc.perform(get("/c/" + f.slug() + "/stickers/" + foreign + "/image").header("Authorization", f.owner().bearer()))
                .andExpect(status().isNotFound());
        // an archived pack's stickers still show (old reactions use them); members see only active packs listed
        mvc.perform(get(f.base() + "/stickers/" + oldSticker + "/image").header("Authorization", f.member().bearer()))
                .andExpect(status().isOk());
        assertThat(Api.body(f.api().get(f.member(), f.base() + "/sticker-packs")).get("packs")).hasSize(1);
        assertThat(Api.body(f.api().get(f.admin(), f.base() + "/sticker-packs")).get("packs")).hasSize(2);
        f.api().get(f.outsider(), f.base() + "/sticker-packs").andExpect(status().isForbidden());
        f.api().get(null, f.base() + "/sticker-packs").andExpect(status().isUnauthorized());
    }

    @Test
    void theStickersPageUploadsThroughTheFormAndShowsErrors() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var owner = new org.shequn.WebSession(mvc);
        owner.register("网页群主");
        long ownerId = jdbc.sql("select max(id) from accounts").query(Long.class).single();
        org.shequn.Members.add(jdbc, f.communityId(), ownerId, "ADMIN");
        var ok = multipart("/c/" + f.slug() + "/stickers").param("name", "网页包")
                .file(new MockMultipartFile("stickers", "a.png", "image/png", StickerFiles.png(50, 50)))
                .file(new MockMultipartFile("stickers", "", "application/octet-stream", new byte[0]))
                .param("names", "第一个, 带逗号").param("names", "")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        owner.perform(ok).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select name from stickers where community_id = ?").param(f.communityId())
                .query(String.class).list()).containsExactly("第一个, 带逗号");
        var bad = multipart("/c/" + f.slug() + "/stickers").param("name", "坏包")
                .file(new MockMultipartFile("stickers", "a.png", "image/png", "<html>".getBytes(StandardCharsets.US_ASCII)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        owner.perform(bad).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("只支持 PNG、GIF 和 WebP")));
        owner.get("/c/" + f.slug() + "/stickers").andExpect(status().isOk())
                .andExpect(content().string(containsString("网页包")));
        var member = new org.shequn.WebSession(mvc);
        member.register("网页成员");
        member.get("/c/" + f.slug() + "/stickers").andExpect(status().isForbidden());
        var ids = new ArrayList<Long>();
        ids.add(ownerId);
        assertThat(ids).isNotEmpty();
    }
}
