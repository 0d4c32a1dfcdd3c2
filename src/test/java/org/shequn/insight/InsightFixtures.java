package org.shequn.insight;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.shequn.Api;
import org.shequn.TestCommunity;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** A verified merchant with a product in a community's store, and buyers with identity tags who order it. */
record InsightFixtures(MockMvc mvc, Api api, JdbcClient jdbc) {

    record Scene(Api.User merchant, long shopId, long productId, long skuId, TestCommunity community) {
    }

    Api.User verified(String name) {
        var user = api.register(name);
        jdbc.sql("insert into profiles (account_id, real_name_verified, updated_at) values (?, true, ?)")
                .params(user.id(), OffsetDateTime.now()).update();
        return user;
    }

    Scene scene(String title) throws Exception {
        var merchant = verified("商家");
        var shop = Api.body(api.post(merchant, "/api/v1/shops", Api.obj("name", Api.unique("好物小铺"),
                "description", "认真选的好东西。", "contact", "微信 haowu", "settlement", "招商银行"))
                .andExpect(status().isCreated()));
        var product = Api.body(api.post(merchant, "/api/v1/shops/mine/products", Api.obj("title", title,
                "description", "适合产品经理。", "category", "课程", "tags", List.of("产品"), "shipped", false,
                "commissionBp", 1500, "published", true,
                "skus", List.of(Api.obj("attributes", Map.of(), "price", "99.00", "stock", 500)))).andExpect(status().isCreated()));
        var community = TestCommunity.create(api, jdbc, "insight-");
        long productId = product.get("id").asLong();
        api.post(community.owner(), community.base() + "/store", Api.obj("productId", productId, "recommendation", "群友推荐"))
                .andExpect(status().isCreated());
        return new Scene(merchant, shop.get("id").asLong(), productId, product.get("skus").get(0).get("id").asLong(), community);
    }

    /** A member of the community with these tags on their profile. */
    Api.User buyer(TestCommunity community, String name, String position, String city, String school) throws Exception {
        var user = community.seat(name, "MEMBER");
        api.put(user, "/api/v1/me/profile", Api.obj("displayName", name, "position", position, "city", city,
                "industry", "互联网", "education", school == null ? List.of() : List.of(Api.obj("school", school))))
                .andExpect(status().isOk());
        return user;
    }

    ResultActions order(Api.User buyer, String slug, long skuId, Object shareTags) throws Exception {
        var body = new java.util.LinkedHashMap<String, Object>(Map.of("community", slug,
                "lines", List.of(Api.obj("skuId", skuId, "quantity", 1, "unitPrice", "99.00"))));
        if (shareTags != null) {
            body.put("shareTags", shareTags);
        }
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/orders").header("Authorization", buyer.bearer())
                .header("Idempotency-Key", Api.unique("k"))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(Api.JSON.writeValueAsString(body)));
    }

    /** Orders and marks it paid at {@code paidAt} (payment has its own tests; here only the sale matters). */
    long bought(Api.User buyer, Scene s, boolean share, OffsetDateTime paidAt) throws Exception {
        var order = Api.body(order(buyer, s.community().slug(), s.skuId(), share).andExpect(status().isCreated()));
        long id = order.get("id").asLong();
        jdbc.sql("update orders set status = 'PAID', paid_at = ? where id = ?").params(paidAt, id).update();
        return id;
    }

    JsonNode json(ResultActions actions) throws Exception {
        return Api.body(actions);
    }
}
