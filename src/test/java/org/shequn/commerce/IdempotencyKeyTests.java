package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.shequn.payment.TestMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code Idempotency-Key} on the order and payment endpoints (one mechanism, shared.web.IdempotencyKeys): the first
 * answer is kept and sent again for the same key and request, with one effect; the same key with another request is
 * a 409 that says so; a malformed key is a 400 and runs nothing.
 */
@IntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "shequn.payment.test.enabled=true")
class IdempotencyKeyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestMode testMode;
    @Autowired
    org.shequn.ledger.LedgerInvariants invariants;
    @Autowired
    org.shequn.TestClock clock;
    @Autowired
    org.shequn.shared.web.IdempotencyExpiry expiry;

    Api api;

    @AfterEach
    void ledgerBalances() {
        clock.reset();
        org.shequn.ledger.LedgerAssertions.assertBalanced(invariants);
    }

    CommerceFixtures.Scene scene() throws Exception {
        api = new Api(mvc);
        return new CommerceFixtures(api, jdbc).storeSelling("幂等之书", Map.of("版本", "平装"), "20.00", 10, "idem-");
    }

    ResultActions post(Api.User user, String key, String path, Object body) throws Exception {
        var request = MockMvcRequestBuilders.post(path).header("Authorization", user.bearer())
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(body == null ? "" : Api.JSON.writeValueAsString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    int stock(long skuId) {
        return new CommerceFixtures(api, jdbc).stock(skuId);
    }

    long orders(long buyer) {
        return jdbc.sql("select count(*) from orders where buyer_account_id = ?").param(buyer).query(Long.class).single();
    }

    @Test
    void theSameKeyGetsTheFirstAnswerWithOneEffectAndAnotherBodyIsRefused() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var key = Api.unique("checkout-");
        var body = CommerceFixtures.order(s.community().slug(), s.skuId(), 2, "20.00");
        var first = post(buyer, key, "/api/v1/orders", body).andExpect(status().isCreated())
                .andReturn().getResponse();
        var again = post(buyer, key, "/api/v1/orders", body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", first.getHeader("Location"))).andReturn().getResponse();
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(orders(buyer.id())).isOne();
        assertThat(stock(s.skuId())).isEqualTo(8);

        // the same key with three instead of two: refused, and said why
        post(buyer, key, "/api/v1/orders", CommerceFixtures.order(s.community().slug(), s.skuId(), 3, "20.00"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
        // ... or on another endpoint
        long id = Api.JSON.readTree(first.getContentAsString()).get("id").asLong();
        post(buyer, key, "/api/v1/orders/" + id + "/cancel", null).andExpect(status().isConflict());
        assertThat(orders(buyer.id())).isOne();
        assertThat(stock(s.skuId())).isEqualTo(8);

        // another buyer's same key is theirs alone
        var other = s.cast().core();
        post(other, key, "/api/v1/orders", body).andExpect(status().isCreated());
        assertThat(stock(s.skuId())).isEqualTo(6);

        // a malformed key runs nothing
        post(buyer, "has spaces", "/api/v1/orders", CommerceFixtures.order(s.community().slug(), s.skuId(), 1, "20.00"))
                .andExpect(status().isBadRequest());
        assertThat(orders(buyer.id())).isOne();

        // cancelling twice with one key: the first answer twice (not "already cancelled"), stock back once
        var cancelKey = Api.unique("cancel-");
        var cancelled = post(buyer, cancelKey, "/api/v1/orders/" + id + "/cancel", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED")).andReturn().getResponse().getContentAsString();
        assertThat(post(buyer, cancelKey, "/api/v1/orders/" + id + "/cancel", null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).isEqualTo(cancelled);
        assertThat(stock(s.skuId())).isEqualTo(8);
        // without the key the second cancel is what it always was
        post(buyer, null, "/api/v1/orders/" + id + "/cancel", null).andExpect(status().isConflict());
    }

    @Test
    void paymentShipmentReceiptAndRefundTakeTheKeyToo() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var created = post(buyer, Api.unique("o-"), "/api/v1/orders",
                CommerceFixtures.order(s.community().slug(), s.skuId(), 1, "20.00")).andExpect(status().isCreated());
        long id = Api.body(created).get("id").asLong();

        var payKey = Api.unique("pay-");
        var pay = post(buyer, payKey, "/api/v1/orders/" + id + "/payment", Api.obj("channel", "TEST"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(post(buyer, payKey, "/api/v1/orders/" + id + "/payment", Api.obj("channel", "TEST"))
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse().getContentAsString())
                .isEqualTo(pay);
        post(buyer, payKey, "/api/v1/orders/" + id + "/payment", Api.obj("channel", "OFFLINE")).andExpect(status().isConflict());
        long paymentId = Api.JSON.readTree(pay).get("paymentId").asLong();
        assertThat(jdbc.sql("select count(*) from payments where purpose = ?").param("order:" + id).query(Long.class).single()).isOne();
        assertThat(testMode.simulateSuccess(paymentId, buyer.id())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Api.body(api.get(buyer, "/api/v1/orders/" + id)).get("status").asString().equals("PAID"));

        var refundKey = Api.unique("refund-");
        post(buyer, refundKey, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk());
        post(buyer, refundKey, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"));
        var decideKey = Api.unique("decide-");
        post(s.merchant(), decideKey, "/api/v1/orders/" + id + "/refund/reject", null).andExpect(status().isOk());
        post(s.merchant(), decideKey, "/api/v1/orders/" + id + "/refund/reject", null).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"));

        var shipKey = Api.unique("ship-");
        var ship = Api.obj("carrier", "顺丰", "trackingNo", "SF42");
        post(s.merchant(), shipKey, "/api/v1/orders/" + id + "/shipment", ship).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SHIPPED"));
        post(s.merchant(), shipKey, "/api/v1/orders/" + id + "/shipment", ship).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SHIPPED"));
        post(s.merchant(), shipKey, "/api/v1/orders/" + id + "/shipment", Api.obj("carrier", "顺丰", "trackingNo", "SF43"))
                .andExpect(status().isConflict());

        var receiptKey = Api.unique("receipt-");
        post(buyer, receiptKey, "/api/v1/orders/" + id + "/receipt", null).andExpect(jsonPath("$.status").value("COMPLETED"));
        post(buyer, receiptKey, "/api/v1/orders/" + id + "/receipt", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"));
        assertThat(jdbc.sql("select trackingNo_check from (select tracking_no as trackingNo_check from orders where id = ?) t")
                .param(id).query(String.class).single()).isEqualTo("SF42");
    }

    @Test
    void aKeptAnswerIsForgottenAfterAWeekSoTheKeyCanBeUsedAgain() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var key = Api.unique("week-");
        post(buyer, key, "/api/v1/orders", CommerceFixtures.order(s.community().slug(), s.skuId(), 1, "20.00"))
                .andExpect(status().isCreated());
        post(buyer, key, "/api/v1/orders", CommerceFixtures.order(s.community().slug(), s.skuId(), 2, "20.00"))
                .andExpect(status().isConflict());
        expiry.forgetOld();
        assertThat(jdbc.sql("select count(*) from idempotency_keys where idempotency_key = ?").param(key)
                .query(Long.class).single()).isOne();
        clock.advance(Duration.ofDays(8));
        assertThat(expiry.forgetOld()).isPositive();
        assertThat(jdbc.sql("select count(*) from idempotency_keys where idempotency_key = ?").param(key)
                .query(Long.class).single()).isZero();
    }

    /** A picture as a browser or client sends it: a multipart part with its file name and type. */
    static org.springframework.mock.web.MockPart picture(int width, java.awt.Color colour) throws Exception {
        var image = new java.awt.image.BufferedImage(width, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, 30);
        g.dispose();
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        var part = new org.springframework.mock.web.MockPart("file", "封面.png", png.toByteArray(), MediaType.IMAGE_PNG);
        return part;
    }

    ResultActions upload(Api.User user, String key, long productId, org.springframework.mock.web.MockPart file)
            throws Exception {
        var request = MockMvcRequestBuilders.multipart("/api/v1/products/" + productId + "/image").part(file)
                .header("Authorization", user.bearer()).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    @Test
    void anUploadUnderAKeyIsStoredOnceAndTheSameKeyWithAnotherFileIsRefused() throws Exception {
        api = new Api(mvc);
        var fixtures = new CommerceFixtures(api, jdbc);
        var merchant = fixtures.merchant();
        long id = fixtures.listProduct(merchant, CommerceFixtures.product("带图的书", true,
                List.of(CommerceFixtures.sku(Map.of(), "12.00", 1)))).get("id").asLong();
        var red = picture(40, java.awt.Color.RED);
        var key = Api.unique("img-");
        var first = upload(merchant, key, id, red).andExpect(status().isOk())
                .andExpect(header().doesNotExist("Idempotent-Replayed")).andReturn().getResponse().getContentAsString();
        var url = Api.read(first).get("imageUrl").asString();

        // the same upload again (a retry after a lost answer): the first answer, nothing stored again
        var again = upload(merchant, key, id, picture(40, java.awt.Color.RED)).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);

        // the same key with another picture: refused, and the product keeps the first
        upload(merchant, key, id, picture(40, java.awt.Color.BLUE)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").exists());
        upload(merchant, key, id, picture(41, java.awt.Color.RED)).andExpect(status().isConflict());
        api.get(null, "/api/v1/products/" + id).andExpect(jsonPath("$.imageUrl").value(url));

        // another key is another upload; another merchant's key space is their own (and they may not set it)
        upload(merchant, Api.unique("img-"), id, picture(40, java.awt.Color.BLUE)).andExpect(status().isOk())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        upload(fixtures.merchant(), key, id, red).andExpect(status().isForbidden());
        upload(merchant, "bad key!", id, red).andExpect(status().isBadRequest());
    }
}
