package org.shequn.commerce;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.shequn.Api;
import org.shequn.TestCommunity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Set-up the commerce tests share: a verified merchant with a shop, products, a community whose store sells them. */
record CommerceFixtures(Api api, JdbcClient jdbc) {

    /** A new account whose real name an operator verified (written directly: verification has its own tests). */
    Api.User verified(String name) {
        var user = api.register(name);
        jdbc.sql("insert into profiles (account_id, real_name_verified, updated_at) values (?, true, ?)")
                .params(user.id(), OffsetDateTime.now()).update();
        return user;
    }

    /** A verified merchant with an open shop. */
    Api.User merchant() throws Exception {
        var merchant = verified("商家");
        api.post(merchant, "/api/v1/shops", Api.obj("name", Api.unique("好物小铺"), "description", "认真选的好东西。",
                "contact", "微信 haowu", "settlement", "招商银行 6225 **** 0001")).andExpect(status().isCreated());
        return merchant;
    }

    static Map<String, Object> sku(Map<String, String> attributes, String price, int stock) {
        return Api.obj("attributes", attributes, "price", price, "stock", stock);
    }

    static Map<String, Object> product(String title, boolean shipped, List<Map<String, Object>> skus) {
        return Api.obj("title", title, "description", "**好书**，适合产品经理。", "category", "图书",
                "tags", List.of("读书", "产品"), "shipped", shipped, "commissionBp", 1500, "published", true, "skus", skus);
    }

    JsonNode listProduct(Api.User merchant, Map<String, Object> product) throws Exception {
        return Api.body(api.post(merchant, "/api/v1/shops/mine/products", product).andExpect(status().isCreated()));
    }

    void addToStore(TestCommunity community, Api.User runner, long productId) throws Exception {
        api.post(runner, community.base() + "/store", Api.obj("productId", productId, "recommendation", "群友推荐"))
                .andExpect(status().isCreated());
    }

    static Map<String, Object> order(String slug, long skuId, int quantity, String unitPrice) {
        return Api.obj("community", slug, "lines", List.of(Api.obj("skuId", skuId, "quantity", quantity, "unitPrice", unitPrice)),
                "address", "上海市静安区南京西路 1 号");
    }

    /** A community whose store sells one merchant's product with one SKU: where most order tests start. */
    record Scene(TestCommunity community, TestCommunity.Cast cast, Api.User merchant, long skuId) {
    }

    Scene storeSelling(String title, Map<String, String> attributes, String price, int stock, String prefix) throws Exception {
        var merchant = merchant();
        var product = listProduct(merchant, product(title, true, List.of(sku(attributes, price, stock))));
        var community = TestCommunity.create(api, jdbc, prefix);
        var cast = community.cast();
        addToStore(community, cast.admin(), product.get("id").asLong());
        return new Scene(community, cast, merchant, product.get("skus").get(0).get("id").asLong());
    }

    /** A paid order of one unit at {@code price} through the test-mode channel: its id, once the order says PAID. */
    long paidOrder(Scene s, Api.User buyer, String price, org.shequn.payment.TestMode testMode) throws Exception {
        long id = Api.body(api.postWithKey(buyer, "/api/v1/orders", order(s.community().slug(), s.skuId(), 1, price))
                .andExpect(status().isCreated())).get("id").asLong();
        long paymentId = Api.body(api.postWithKey(buyer, "/api/v1/orders/" + id + "/payment", Api.obj("channel", "TEST"))
                .andExpect(status().isOk())).get("paymentId").asLong();
        if (!testMode.simulateSuccess(paymentId, buyer.id())) {
            throw new IllegalStateException("the test-mode payment of order " + id + " did not succeed");
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                Api.body(api.get(buyer, "/api/v1/orders/" + id)).get("status").asString().equals("PAID"));
        return id;
    }

    int stock(long skuId) {
        return jdbc.sql("select stock from skus where id = ?").param(skuId).query(Integer.class).single();
    }
}
