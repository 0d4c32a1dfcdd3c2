package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.shequn.AtOnce;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Checkout through HTTP: no overselling under concurrency, idempotency keys, price changes, who may buy. */
@IntegrationTest
class CheckoutTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api;
    CommerceFixtures f;

    record Scene(TestCommunity community, TestCommunity.Cast cast, Api.User merchant, long productId, long skuId) {
        String slug() {
            return community.slug();
        }
    }

    Scene scene(int stock) throws Exception {
        api = new Api(mvc);
        f = new CommerceFixtures(api, jdbc);
        var merchant = f.merchant();
        var product = f.listProduct(merchant, CommerceFixtures.product("限量版笔记本", true, List.of(
                CommerceFixtures.sku(Map.of("颜色", "红"), "100.00", stock))));
        var community = TestCommunity.create(api, jdbc, "checkout-");
        var cast = community.cast();
        f.addToStore(community, cast.owner(), product.get("id").asLong());
        return new Scene(community, cast, merchant, product.get("id").asLong(), product.get("skus").get(0).get("id").asLong());
    }

    ResultActions order(Api.User buyer, String key, Object body) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/v1/orders").header("Authorization", buyer.bearer())
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(Api.JSON.writeValueAsString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    int stock(long skuId) {
        return jdbc.sql("select stock from skus where id = ?").param(skuId).query(Integer.class).single();
    }

    long orders(long skuId) {
        return jdbc.sql("select count(*) from order_lines where sku_id = ?").param(skuId).query(Long.class).single();
    }

    @Test
    void twoHundredBuyersAtTenUnitsExactlyTenGetOneAndTheRestAreToldItIsSoldOut() throws Exception {
        var s = scene(10);
        var buyers = new ArrayList<Api.User>();
        for (int i = 0; i < 20; i++) {
            buyers.add(s.community().seat("买家" + i, "MEMBER"));
        }
        var statuses = new ConcurrentHashMap<Integer, Integer>();
        var soldOutSaid = new ConcurrentHashMap<String, Boolean>();
        // 200 checkouts on 32 threads, the first 32 at the same moment
        AtOnce.call(32, 200, i -> {
            var buyer = buyers.get(i % buyers.size());
            var key = Api.unique("rush-");
            return () -> {
                var response = order(buyer, key, CommerceFixtures.order(s.slug(), s.skuId(), 1, "100.00")).andReturn().getResponse();
                statuses.merge(response.getStatus(), 1, Integer::sum);
                if (response.getStatus() == 409) {
                    soldOutSaid.put(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), true);
                }
                return null;
            };
        });
        assertThat(statuses).containsEntry(201, 10).containsEntry(409, 190).hasSize(2);
        assertThat(soldOutSaid.keySet()).allSatisfy(body -> assertThat(body).contains("已售罄"));
        assertThat(stock(s.skuId())).isZero();
        assertThat(orders(s.skuId())).isEqualTo(10);
    }

    @Test
    void theSameKeyReturnsTheFirstOrderAndWithAnotherBodyIsRefused() throws Exception {
        var s = scene(5);
        var buyer = s.cast().member();
        var key = Api.unique("key-");
        var first = Api.body(order(buyer, key, CommerceFixtures.order(s.slug(), s.skuId(), 2, "100.00"))
                .andExpect(status().isCreated()));
        var again = Api.body(order(buyer, key, CommerceFixtures.order(s.slug(), s.skuId(), 2, "100.00"))
                .andExpect(status().isCreated()));
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        // the answer describes the order exactly as it was stored (it is built, not read back)
        assertThat(Api.body(api.get(buyer, "/api/v1/orders/" + first.get("id").asLong()).andExpect(status().isOk())))
                .isEqualTo(first);
        assertThat(stock(s.skuId())).isEqualTo(3);
        order(buyer, key, CommerceFixtures.order(s.slug(), s.skuId(), 1, "100.00")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Idempotency-Key")));
        order(buyer, null, CommerceFixtures.order(s.slug(), s.skuId(), 1, "100.00")).andExpect(status().isBadRequest());
        assertThat(stock(s.skuId())).isEqualTo(3);
        assertThat(orders(s.skuId())).isEqualTo(1);

        // the split: 15% commission, the configured 5% platform fee, the rest the merchant's, adding up exactly
        var split = first.get("split");
        assertThat(split.get("total").get("minor").asLong()).isEqualTo(20000);
        assertThat(split.get("commission").get("minor").asLong()).isEqualTo(3000);
        assertThat(split.get("platformFee").get("minor").asLong()).isEqualTo(1000);
        assertThat(split.get("referral").get("minor").asLong()).isZero();
        assertThat(split.get("merchantShare").get("minor").asLong()).isEqualTo(16000);
    }

    @Test
    void aChangedPriceIsRefusedWithTheNewPriceAndNothingIsTaken() throws Exception {
        var s = scene(5);
        api.put(s.merchant(), "/api/v1/products/" + s.productId(), CommerceFixtures.product("限量版笔记本", true, List.of(
                Api.obj("id", s.skuId(), "attributes", Map.of("颜色", "红"), "price", "120.00", "stock", 5))))
                .andExpect(status().isOk());
        order(s.cast().member(), Api.unique("k-"), CommerceFixtures.order(s.slug(), s.skuId(), 1, "100.00"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("¥120.00")))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].unitPrice"));
        assertThat(stock(s.skuId())).isEqualTo(5);
        assertThat(orders(s.skuId())).isZero();
        order(s.cast().member(), Api.unique("k-"), CommerceFixtures.order(s.slug(), s.skuId(), 1, "120.00"))
                .andExpect(status().isCreated());
    }

    @Test
    void badInputAndOutsidersAreRefusedAndNothingIsWritten() throws Exception {
        var s = scene(5);
        var member = s.cast().member();
        order(s.cast().outsider(), Api.unique("k-"), CommerceFixtures.order(s.slug(), s.skuId(), 1, "100.00"))
                .andExpect(status().isForbidden());
        order(member, Api.unique("k-"), CommerceFixtures.order(s.slug(), s.skuId(), 0, "100.00")).andExpect(status().isBadRequest());
        order(member, Api.unique("k-"), CommerceFixtures.order(s.slug(), s.skuId(), 100, "100.00")).andExpect(status().isBadRequest());
        order(member, Api.unique("k-"), CommerceFixtures.order(s.slug(), s.skuId(), 1, "-100.00")).andExpect(status().isBadRequest());
        order(member, Api.unique("k-"), CommerceFixtures.order(s.slug(), s.skuId(), 6, "100.00")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已售罄")));
        var noAddress = new java.util.LinkedHashMap<>(CommerceFixtures.order(s.slug(), s.skuId(), 1, "100.00"));
        noAddress.remove("address");
        order(member, Api.unique("k-"), noAddress).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("address"));
        // a product the store does not carry
        long other = f.listProduct(s.merchant(), CommerceFixtures.product("别的书", true, List.of(
                CommerceFixtures.sku(Map.of(), "10.00", 5)))).get("skus").get(0).get("id").asLong();
        order(member, Api.unique("k-"), CommerceFixtures.order(s.slug(), other, 1, "10.00")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].skuId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("不在该社群的小店")));
        assertThat(stock(s.skuId())).isEqualTo(5);
        assertThat(orders(s.skuId()) + orders(other)).isZero();
    }
}
