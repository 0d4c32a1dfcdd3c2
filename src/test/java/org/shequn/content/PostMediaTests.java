package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A post's images and attachments: uploads, the bad-input table, limits, and who may fetch them. */
@IntegrationTest
class PostMediaTests {

    static final Path FILES = Path.of("target/test-data/files");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static byte[] png(int w, int h) throws Exception {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.ORANGE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        var result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    /** A tiny valid PNG whose header claims 100000 × 100000 pixels. */
    static byte[] hugeDeclared() throws Exception {
        var bytes = png(2, 2);
        // IHDR data starts at byte 16: width then height, big-endian; the CRC no longer matches, which
        // decoders check late (or never) — the declared size must be refused before any pixel is read
        for (int at : new int[] {16, 20}) {
            bytes[at] = 0;
            bytes[at + 1] = 0x01;
            bytes[at + 2] = (byte) 0x86;
            bytes[at + 3] = (byte) 0xa0;
        }
        return bytes;
    }

    static long storedFiles() throws Exception {
        if (!Files.isDirectory(FILES)) {
            return 0;
        }
        try (var list = Files.list(FILES)) {
            return list.count();
        }
    }

    long mediaRows(long communityId) {
        return jdbc.sql("select count(*) from post_media where community_id = ?").param(communityId)
                .query(Long.class).single();
    }

    ResultActions upload(ContentFixture f, Api.User user, String kind, String name, String type, byte[] bytes)
            throws Exception {
        var request = multipart(f.base() + "/media/" + kind).file(new MockMultipartFile("file", name, type, bytes));
        if (user != null) {
            request.header("Authorization", user.bearer());
        }
        return mvc.perform(request);
    }

    long uploadImage(ContentFixture f, Api.User user, byte[] bytes) throws Exception {
        return Api.body(upload(f, user, "images", "photo.png", "image/png", bytes).andExpect(status().isCreated()))
                .get("id").asLong();
    }

    @Test
    void imagesAreUploadedAttachedShownAndServedOnlyToMembersWhoMaySeeThePost() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var uploaded = Api.body(upload(f, f.member(), "images", "大图.png", "image/png", png(3000, 1500))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("IMAGE")));
        long first = uploaded.get("id").asLong();
        long second = uploadImage(f, f.member(), png(40, 40));
        long post = f.post(f.member(), Api.obj("kind", "DISCUSSION", "body", "两张图", "imageIds", List.of(first, second)));
        var view = Api.body(f.api().get(f.member(), f.base() + "/posts/" + post).andExpect(status().isOk())
                .andExpect(jsonPath("$.images.length()").value(2))
                .andExpect(jsonPath("$.images[0].id").value(first))
                .andExpect(jsonPath("$.attachments.length()").value(0)));
        var url = view.get("images").get(0).get("url").asString();
        var thumbUrl = view.get("images").get(0).get("thumbUrl").asString();
        var key = view.get("images").get(0).get("key").asString();
        assertThat(url).isEqualTo(f.base() + "/media/" + key);

        // full size is shrunk to 2048 on the longer side, the thumbnail to 480; both PNG we wrote ourselves
        var full = ImageIO.read(new ByteArrayInputStream(mvc.perform(get(url).header("Authorization", f.member().bearer()))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", Matchers.containsString("private")))
                .andReturn().getResponse().getContentAsByteArray()));
        assertThat(full.getWidth()).isEqualTo(2048);
        var thumb = ImageIO.read(new ByteArrayInputStream(mvc.perform(get(thumbUrl).header("Authorization",
                f.member().bearer())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
        assertThat(thumb.getWidth()).isEqualTo(480);

        // the role matrix, on the API path and the page path alike
        for (var path : List.of(url, "/c/" + f.slug() + "/media/" + key)) {
            for (var user : List.of(f.owner(), f.admin(), f.core(), f.member())) {
                mvc.perform(get(path).header("Authorization", user.bearer())).andExpect(status().isOk());
            }
            mvc.perform(get(path).header("Authorization", f.outsider().bearer())).andExpect(status().isForbidden());
            int anonymous = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(anonymous).isIn(401, 302);
            // never through the public file route
            mvc.perform(get("/files/" + key)).andExpect(status().isNotFound());
        }
        // a key from another community does not open here
        var other = ContentFixture.create(new Api(mvc), jdbc);
        mvc.perform(get(other.base() + "/media/" + key).header("Authorization", other.owner().bearer()))
                .andExpect(status().isNotFound());

        // the post page shows a grid of thumbnails linking to the full size; the feed shows a thumb and the count
        mvc.perform(get("/c/" + f.slug() + "/posts/" + post).header("Authorization", f.core().bearer()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/c/" + f.slug() + "/media/" + key + "\"")))
                .andExpect(content().string(Matchers.containsString("src=\"/c/" + f.slug() + "/media/"
                        + view.get("images").get(0).get("thumbKey").asString() + "\"")));
        mvc.perform(get("/c/" + f.slug() + "/posts").header("Authorization", f.core().bearer()))
                .andExpect(content().string(Matchers.containsString("class=\"card-thumb\"")))
                .andExpect(content().string(Matchers.containsString("2 图")));
        f.api().get(f.core(), f.base() + "/posts").andExpect(jsonPath("$.items[0].imageCount").value(2));

        // hidden by a moderator: its images are gone for members, still there for owner and admins
        f.api().put(f.admin(), f.base() + "/posts/" + post + "/hidden", null).andExpect(status().is2xxSuccessful());
        mvc.perform(get(url).header("Authorization", f.member().bearer())).andExpect(status().isNotFound());
        mvc.perform(get(url).header("Authorization", f.core().bearer())).andExpect(status().isNotFound());
        mvc.perform(get(url).header("Authorization", f.admin().bearer())).andExpect(status().isOk());
        mvc.perform(get(url).header("Authorization", f.owner().bearer())).andExpect(status().isOk());
        // deleted: nobody
        f.api().delete(f.owner(), f.base() + "/posts/" + post).andExpect(status().isNoContent());
        mvc.perform(get(url).header("Authorization", f.owner().bearer())).andExpect(status().isNotFound());
    }

    @Test
    void aWaitingUploadIsOnlyItsUploadersAndOnlyTheUploaderCanAttachIt() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var body = Api.body(upload(f, f.member(), "images", "a.png", "image/png", png(20, 20)));
        long id = body.get("id").asLong();
        var url = body.get("url").asString();
        mvc.perform(get(url).header("Authorization", f.member().bearer())).andExpect(status().isOk());
        mvc.perform(get(url).header("Authorization", f.owner().bearer())).andExpect(status().isNotFound());
        f.api().post(f.core(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "偷图", "imageIds", List.of(id)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("imageIds"));
        // an attachment's id is no image
        long file = Api.body(upload(f, f.member(), "attachments", "a.txt", "text/plain", "hi".getBytes())).get("id").asLong();
        f.api().post(f.member(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "x", "imageIds", List.of(file)))
                .andExpect(status().isBadRequest());
        upload(f, f.outsider(), "images", "a.png", "image/png", png(20, 20)).andExpect(status().isForbidden());
        upload(f, null, "images", "a.png", "image/png", png(20, 20)).andExpect(status().isUnauthorized());
    }

    @Test
    void badImagesAreRefusedWithAClearErrorAndNothingIsStored() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var gifHtml = concat("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1),
                "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8));
        var gifThenHtml = concat("GIF89a".getBytes(StandardCharsets.US_ASCII),
                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        var zip = new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 'e', 'v', 'i', 'l', '.', 'j', 's', 'P', 'K', 5, 6, 0, 0, 0};
        var oversized = concat(png(10, 10), new byte[(int) org.shequn.shared.files.ImageUploads.MAX_BYTES]);
        Object[][] table = {
                {"text.png", "image/png", "just text, not a picture".getBytes(StandardCharsets.UTF_8), "PNG、JPEG 或 GIF"},
                {"page.gif", "image/gif", gifThenHtml, "夹带"},
                {"page.jpg", "image/jpeg", concat(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, "<script>alert(1)</script>\u00ff\u00d9".getBytes(StandardCharsets.ISO_8859_1)), "PNG、JPEG 或 GIF"},
                {"polyglot.gif", "image/gif", gifHtml, "夹带"},
                {"zip.png", "image/png", concat(png(30, 30), zip), "夹带"},
                {"big.png", "image/png", oversized, "最大 5 MB"},
                {"empty.png", "image/png", new byte[0], "请选择"},
                {"huge.png", "image/png", hugeDeclared(), "图片尺寸过大"},
        };
        long before = storedFiles();
        for (var row : table) {
            upload(f, f.member(), "images", (String) row[0], (String) row[1], (byte[]) row[2])
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'file')].message", Matchers.hasItem(Matchers.containsString((String) row[3]))));
            // the page's form says the same next to the field, and keeps no post
            mvc.perform(multipart("/c/" + f.slug() + "/posts/new").with(csrf()).header("Authorization", f.member().bearer())
                            .file(new MockMultipartFile("images", (String) row[0], (String) row[1], (byte[]) row[2]))
                            .param("kind", "DISCUSSION").param("body", "带坏图的帖子"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString((String) row[3])));
        }
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(mediaRows(f.communityId())).isZero();
        assertThat(f.api().get(f.member(), f.base() + "/posts").andReturn().getResponse().getContentAsString())
                .doesNotContain("带坏图的帖子");
    }

    static byte[] encoded(String format, int w, int h) throws Exception {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(200, 60, 40));
        g.fillRect(0, 0, w, h);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void aRealPictureWithAnHtmlTailIsRefusedEvenWhenTheTailEndsLikeThePicture() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        var gif = encoded("gif", 24, 24);
        var jpeg = encoded("jpeg", 24, 24);
        Object[][] table = {
                {"tail.gif", "image/gif", concat(gif, html)},
                // the tail ends with the GIF trailer byte (;) or the JPEG end marker, as a careful attacker's would
                {"semicolon.gif", "image/gif", concat(concat(gif, html), new byte[] {0x3b})},
                {"marker.jpg", "image/jpeg", concat(concat(jpeg, html), new byte[] {(byte) 0xff, (byte) 0xd9})},
        };
        long before = storedFiles();
        for (var row : table) {
            upload(f, f.member(), "images", (String) row[0], (String) row[1], (byte[]) row[2])
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("夹带")));
            mvc.perform(multipart(f.base() + "/media/images").header("Accept-Language", "en")
                            .file(new MockMultipartFile("file", (String) row[0], (String) row[1], (byte[]) row[2]))
                            .header("Authorization", f.member().bearer()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("other data after the picture")));
            mvc.perform(multipart("/c/" + f.slug() + "/posts/new").with(csrf()).header("Authorization", f.member().bearer())
                            .file(new MockMultipartFile("images", (String) row[0], (String) row[1], (byte[]) row[2]))
                            .param("kind", "DISCUSSION").param("body", "尾巴图"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString("夹带")));
        }
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(mediaRows(f.communityId())).isZero();
        // the same pictures without their tails are fine
        uploadImage(f, f.member(), gif);
        uploadImage(f, f.member(), jpeg);
    }

    @Test
    void aTenthImageIsRefusedAndABadFileAmongGoodOnesLeavesNothingBehind() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var image = png(16, 16);
        long before = storedFiles();
        // the page: ten files in one form
        var ten = multipart("/c/" + f.slug() + "/posts/new").with(csrf()).header("Authorization", f.member().bearer());
        for (int i = 0; i < 10; i++) {
            ten.file(new MockMultipartFile("images", "p" + i + ".png", "image/png", image));
        }
        mvc.perform(ten.param("kind", "DISCUSSION").param("body", "十张图"))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("最多 9 张图片")));
        // good images first, a bad one last: the good ones written before it are removed again
        var mixed = multipart("/c/" + f.slug() + "/posts/new").with(csrf()).header("Authorization", f.member().bearer());
        mixed.file(new MockMultipartFile("images", "a.png", "image/png", image));
        mixed.file(new MockMultipartFile("images", "b.png", "image/png", image));
        mixed.file(new MockMultipartFile("images", "c.png", "image/png", "GIF89a<script>".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(mixed.param("kind", "DISCUSSION").param("body", "混合")).andExpect(status().isBadRequest());
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(mediaRows(f.communityId())).isZero();

        // the API: nine waiting uploads at most, nine per post
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 9; i++) {
            ids.add(uploadImage(f, f.member(), image));
        }
        long afterNine = storedFiles();
        upload(f, f.member(), "images", "10.png", "image/png", image).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'file')].message", Matchers.hasItem(Matchers.containsString("最多 9 张图片"))));
        assertThat(storedFiles()).isEqualTo(afterNine);
        var tooMany = new ArrayList<>(ids);
        tooMany.add(ids.getFirst() + 1000);
        f.api().post(f.member(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "十张", "imageIds", tooMany))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'imageIds')].message", Matchers.hasItem(Matchers.containsString("最多 9 张"))));
        long post = f.post(f.member(), Api.obj("kind", "DISCUSSION", "body", "九张", "imageIds", ids));
        f.api().get(f.member(), f.base() + "/posts/" + post).andExpect(jsonPath("$.images.length()").value(9));
        // on the edit page, keeping all nine and adding one more is the tenth
        var edit = multipart("/c/" + f.slug() + "/posts/" + post + "/edit").with(csrf()).header("Authorization", f.member().bearer())
                .param("kind", "DISCUSSION").param("body", "九张").param("media", "1");
        ids.forEach(id -> edit.param("keepImage", id.toString()));
        mvc.perform(edit.file(new MockMultipartFile("images", "10.png", "image/png", image)))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("最多 9 张图片")));
        assertThat(mediaRows(f.communityId())).isEqualTo(9);
    }

    @Test
    void editingAPostAddsAndRemovesImagesAndTheRemovedFilesAreDeleted() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long a = uploadImage(f, f.member(), png(30, 30));
        long b = uploadImage(f, f.member(), png(31, 31));
        long post = f.post(f.member(), Api.obj("kind", "DISCUSSION", "body", "两张", "imageIds", List.of(a, b)));
        var keyA = jdbc.sql("select file_key from post_media where id = ?").param(a).query(String.class).single();
        // an edit without imageIds keeps them
        f.api().put(f.member(), f.base() + "/posts/" + post, Api.obj("kind", "DISCUSSION", "body", "改字"))
                .andExpect(jsonPath("$.images.length()").value(2));
        // the API: drop a, add c, order c then b
        long c = uploadImage(f, f.member(), png(32, 32));
        f.api().put(f.member(), f.base() + "/posts/" + post, Api.obj("kind", "DISCUSSION", "body", "换图",
                        "imageIds", List.of(c, b)))
                .andExpect(jsonPath("$.images.length()").value(2))
                .andExpect(jsonPath("$.images[0].id").value(c)).andExpect(jsonPath("$.images[1].id").value(b));
        assertThat(Files.exists(FILES.resolve(keyA))).isFalse();
        // someone else cannot edit them in
        long mine = uploadImage(f, f.core(), png(20, 20));
        f.api().put(f.member(), f.base() + "/posts/" + post, Api.obj("kind", "DISCUSSION", "body", "x",
                "imageIds", List.of(c, mine))).andExpect(status().isBadRequest());
        // the page: uncheck b, add one file
        mvc.perform(multipart("/c/" + f.slug() + "/posts/" + post + "/edit").with(csrf())
                        .header("Authorization", f.member().bearer())
                        .file(new MockMultipartFile("images", "new.png", "image/png", png(33, 33)))
                        .param("kind", "DISCUSSION").param("body", "页面改图").param("media", "1").param("keepImage", Long.toString(c)))
                .andExpect(status().is3xxRedirection());
        var images = Api.body(f.api().get(f.member(), f.base() + "/posts/" + post)).get("images");
        assertThat(images.size()).isEqualTo(2);
        assertThat(images.get(0).get("id").asLong()).isEqualTo(c);
        // the edit page shows the kept images with their checkboxes
        mvc.perform(get("/c/" + f.slug() + "/posts/" + post + "/edit").header("Authorization", f.member().bearer()))
                .andExpect(content().string(Matchers.containsString("name=\"keepImage\" value=\"" + c + "\"")));
    }

    @Test
    void attachmentsDownloadUnderTheirNameAsOpaqueBytesToMembersOnly() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        var uploaded = Api.body(upload(f, f.member(), "attachments", "../../报告 \"终版\".html", "text/html", html)
                .andExpect(status().isCreated()));
        assertThat(uploaded.get("name").asString()).isEqualTo("报告 _终版_.html");
        assertThat(uploaded.get("type").asString()).isEqualTo("text/html");
        long id = uploaded.get("id").asLong();
        var key = uploaded.get("key").asString();
        assertThat(key).endsWith(".bin");
        long post = f.post(f.member(), Api.obj("kind", "DISCUSSION", "body", "附件", "attachmentIds", List.of(id)));
        f.api().get(f.core(), f.base() + "/posts/" + post).andExpect(jsonPath("$.attachments[0].name").value("报告 _终版_.html"))
                .andExpect(jsonPath("$.attachments[0].size").value(html.length));
        var response = mvc.perform(get("/c/" + f.slug() + "/media/" + key).header("Authorization", f.core().bearer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(html);
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"")
                .contains("filename*=UTF-8''%E6%8A%A5%E5%91%8A%20_%E7%BB%88%E7%89%88_.html");
        mvc.perform(get(f.base() + "/media/" + key).header("Authorization", f.outsider().bearer())).andExpect(status().isForbidden());
        assertThat(mvc.perform(get(f.base() + "/media/" + key)).andReturn().getResponse().getStatus()).isIn(401, 302);
        mvc.perform(get("/files/" + key)).andExpect(status().isNotFound());
        // the post page lists it as a download
        mvc.perform(get("/c/" + f.slug() + "/posts/" + post).header("Authorization", f.member().bearer()))
                .andExpect(content().string(Matchers.containsString("download>报告 _终版_.html</a>")));
    }

    @Test
    void attachmentsHaveLimits() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long before = storedFiles();
        upload(f, f.member(), "attachments", "empty.txt", "text/plain", new byte[0]).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'file')].message", Matchers.hasItem(Matchers.containsString("请选择"))));
        upload(f, f.member(), "attachments", "big.bin", "application/zip", new byte[20 * 1024 * 1024 + 1])
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'file')].message", Matchers.hasItem(Matchers.containsString("最大 20 MB"))));
        assertThat(storedFiles()).isEqualTo(before);
        // six in the page's form
        var six = multipart("/c/" + f.slug() + "/posts/new").with(csrf()).header("Authorization", f.member().bearer());
        for (int i = 0; i < 6; i++) {
            six.file(new MockMultipartFile("attachments", "f" + i + ".txt", "text/plain", ("文件" + i).getBytes(StandardCharsets.UTF_8)));
        }
        mvc.perform(six.param("kind", "DISCUSSION").param("body", "六个附件")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("最多 5 个附件")));
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(mediaRows(f.communityId())).isZero();
        // five are fine, through the page, with an empty image input alongside (no file chosen)
        var five = multipart("/c/" + f.slug() + "/posts/new").with(csrf()).header("Authorization", f.member().bearer());
        for (int i = 0; i < 5; i++) {
            five.file(new MockMultipartFile("attachments", "f" + i + ".txt", "text/plain", ("文件" + i).getBytes(StandardCharsets.UTF_8)));
        }
        five.file(new MockMultipartFile("images", "", "application/octet-stream", new byte[0]));
        mvc.perform(five.param("kind", "DISCUSSION").param("body", "五个附件")).andExpect(status().is3xxRedirection());
        assertThat(mediaRows(f.communityId())).isEqualTo(5);
        // the API: a sixth waiting upload is refused
        for (int i = 0; i < 5; i++) {
            upload(f, f.member(), "attachments", "w" + i + ".txt", "text/plain", "x".getBytes()).andExpect(status().isCreated());
        }
        upload(f, f.member(), "attachments", "w6.txt", "text/plain", "x".getBytes()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'file')].message", Matchers.hasItem(Matchers.containsString("最多 5 个附件"))));
    }

    @Test
    void attachmentNamesAndAddresseeNamesNeverCarryScriptIntoPages() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        for (var payload : ContentSafetyTests.XSS) {
            var evil = f.api().register(payload.length() > 30 ? payload.substring(0, 30) : payload);
            org.shequn.Members.add(jdbc, f.communityId(), evil.id(), "MEMBER");
            long file = Api.body(upload(f, f.member(), "attachments", payload + ".html", "text/html", payload.getBytes(StandardCharsets.UTF_8))
                    .andExpect(status().isCreated())).get("id").asLong();
            long image = uploadImage(f, f.member(), png(12, 12));
            long post = f.post(f.member(), Api.obj("kind", "QUESTION", "title", "问", "body", "正文", "addresseeId", evil.id(),
                    "attachmentIds", List.of(file), "imageIds", List.of(image)));
            for (var page : List.of("/posts", "/posts/" + post, "/posts/" + post + "/edit", "/posts/new")) {
                ContentSafetyTests.assertSafe(mvc.perform(get("/c/" + f.slug() + page).header("Authorization", f.member().bearer()))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            }
        }
    }
}
