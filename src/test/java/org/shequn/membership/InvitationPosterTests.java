package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The share poster: a PNG whose code scans to the invitation's link, refused exactly where its QR code is. */
@IntegrationTest
class InvitationPosterTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    Api api;
    MembershipFixture fixture;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fixture = new MembershipFixture(api, jdbc);
    }

    private Map<String, Object> invite(TestCommunity.Cast cast, Api.User who, Object terms) throws Exception {
        var made = Api.body(api.post(who, "/api/v1/communities/" + cast.slug() + "/invitations", terms)
                .andExpect(status().isCreated()));
        return Map.of("id", made.get("id").asLong(), "link", made.get("link").asString());
    }

    private static String poster(TestCommunity.Cast cast, Object id) {
        return "/c/" + cast.slug() + "/invitations/" + id + "/poster.png";
    }

    private static String qr(TestCommunity.Cast cast, Object id) {
        return "/c/" + cast.slug() + "/invitations/" + id + "/qr.svg";
    }

    private BufferedImage png(Api.User who, String path) throws Exception {
        // an API client asks for JSON; the poster is an image all the same
        var bytes = api.get(who, path).andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(header().string("Cache-Control", "private, max-age=300"))
                .andReturn().getResponse().getContentAsByteArray();
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    /** Reads the poster's code the way a phone would, from the whole picture. */
    static String scan(BufferedImage image) throws Exception {
        return org.shequn.QrScan.scan(image);
    }

    @Test
    void aRunnerGetsAPhonePosterWhoseCodeScansToTheLink() throws Exception {
        var cast = fixture.cast("INVITATION");
        var invitation = invite(cast, cast.admin(), Api.obj("expiresInHours", 24));
        var path = poster(cast, invitation.get("id"));
        api.get(cast.owner(), path).andExpect(header().string("Content-Disposition",
                "inline; filename=\"invite-" + cast.slug() + ".png\""));
        for (var runner : List.of(cast.admin(), cast.owner())) {
            var image = png(runner, path);
            assertThat(image.getWidth()).isEqualTo(750);
            assertThat(image.getHeight()).isGreaterThanOrEqualTo(1000);
            assertThat(scan(image)).isEqualTo(invitation.get("link"));
        }
        // in English too, from a signed-in page session as much as from the API
        var english = mvc.perform(get(path).header("Authorization", cast.owner().bearer()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(scan(ImageIO.read(new ByteArrayInputStream(english)))).isEqualTo(invitation.get("link"));
    }

    @Test
    void thePosterIsRefusedExactlyWhereTheQrCodeIs() throws Exception {
        var cast = fixture.cast("INVITATION");
        var invitation = invite(cast, cast.admin(), Api.obj());
        var id = invitation.get("id");
        // a member who did not make it, an outsider, nobody signed in, an id that is not there
        sameAnswer(cast, cast.member(), id, 404);
        sameAnswer(cast, cast.outsider(), id, 403);
        sameAnswer(cast, cast.admin(), (long) id + 100000, 404);
        mvc.perform(get(poster(cast, id))).andExpect(status().is3xxRedirection());
        sameAnswer(cast, null, id, 302);
        // another community's runner, even with the invitation's id under their own slug
        var other = fixture.cast("INVITATION");
        sameAnswer(cast, other.owner(), id, 403);
        sameAnswer(other, other.owner(), id, 404);
        // revoked and expired: the QR code still shows (its maker may look back at it), so the poster does too
        var revoked = invite(cast, cast.owner(), Api.obj()).get("id");
        api.delete(cast.owner(), "/api/v1/communities/" + cast.slug() + "/invitations/" + revoked)
                .andExpect(status().isNoContent());
        sameAnswer(cast, cast.owner(), revoked, 200);
        var expired = invite(cast, cast.owner(), Api.obj("expiresInHours", 1)).get("id");
        jdbc.sql("update invitations set expires_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), expired).update();
        sameAnswer(cast, cast.owner(), expired, 200);
        assertThat(png(cast.owner(), poster(cast, expired)).getWidth()).isEqualTo(750);
    }

    private void sameAnswer(TestCommunity.Cast cast, Api.User who, Object id, int expected) throws Exception {
        api.get(who, qr(cast, id)).andExpect(status().is(expected));
        api.get(who, poster(cast, id)).andExpect(status().is(expected));
    }

    @Test
    void aCommunityWithACoverAndOneWithoutBothRender() throws Exception {
        var plain = fixture.cast("INVITATION");
        var covered = fixture.cast("INVITATION");
        var cover = new BufferedImage(800, 300, BufferedImage.TYPE_INT_RGB);
        var g = cover.createGraphics();
        g.setColor(new Color(0xdc2626));
        g.fillRect(0, 0, 800, 300);
        g.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(cover, "png", bytes);
        mvc.perform(multipart("/api/v1/communities/" + covered.slug() + "/cover")
                        .file(new MockMultipartFile("file", "cover.png", "image/png", bytes.toByteArray()))
                        .header("Authorization", covered.owner().bearer()))
                .andExpect(status().isOk());

        var withCover = png(covered.owner(), poster(covered, invite(covered, covered.owner(), Api.obj()).get("id")));
        var red = new Color(withCover.getRGB(375, 120));
        assertThat(red.getRed()).isGreaterThan(180);
        assertThat(red.getGreen()).isLessThan(80);

        var plainInvitation = invite(plain, plain.owner(), Api.obj());
        var without = png(plain.owner(), poster(plain, plainInvitation.get("id")));
        var band = new Color(without.getRGB(60, 60));
        assertThat(band.getGreen()).isGreaterThan(band.getRed());
        assertThat(band.getBlue()).isGreaterThan(band.getRed());
        assertThat(scan(withCover)).startsWith("http://localhost:8080/c/" + covered.slug() + "/join?code=");
        assertThat(scan(without)).isEqualTo(plainInvitation.get("link"));
    }

    @Test
    void longNamesAndDescriptionsKeepToTheirLinesAndTheCodeStillScans() throws Exception {
        var settings = MembershipFixture.settings(Api.unique("long-"), "INVITATION", 40, List.of());
        settings.put("name", "北京朝阳区周末清晨慢跑与城市徒步爱好者互助交流社群".repeat(2).substring(0, 50) + " 🏃‍♀️");
        settings.put("description", ("每周六早上七点在奥林匹克森林公园南门集合，跑五公里或十公里，跑完一起吃早餐。\n"
                + "Newcomers welcome, any pace. ").repeat(20));
        var cast = fixture.cast(settings);
        var admin = api.register("一位名字特别特别长的管理员朋友来自遥远的地方");
        Members.add(jdbc, cast.id(), admin.id(), "ADMIN");
        var invitation = invite(cast, admin, Api.obj("expiresInHours", 720));
        var image = png(admin, poster(cast, invitation.get("id")));
        assertThat(scan(image)).isEqualTo(invitation.get("link"));
    }

    @Test
    void aPosterIsDrawnFromTheLargestCoverAnOwnerCanHave() throws Exception {
        var cast = fixture.cast("INVITATION");
        // the largest cover an owner can have: 1600 pixels wide, busy enough that PNG cannot shrink it
        var cover = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        var random = new java.util.Random(7);
        for (int y = 0; y < cover.getHeight(); y++) {
            for (int x = 0; x < cover.getWidth(); x++) {
                cover.setRGB(x, y, random.nextInt());
            }
        }
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(cover, "png", bytes);
        mvc.perform(multipart("/api/v1/communities/" + cast.slug() + "/cover")
                        .file(new MockMultipartFile("file", "cover.png", "image/png", bytes.toByteArray()))
                        .header("Authorization", cast.owner().bearer()))
                .andExpect(status().isOk());
        var path = poster(cast, invite(cast, cast.owner(), Api.obj("expiresInHours", 24)).get("id"));
        // how fast it is drawn is measured by bench/, not here (a timed test fails on a busy machine)
        var poster = png(cast.owner(), path);
        assertThat(poster.getWidth()).isPositive();
        assertThat(poster.getHeight()).isGreaterThan(poster.getWidth());
    }
}
