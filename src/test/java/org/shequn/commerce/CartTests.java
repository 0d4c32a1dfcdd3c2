package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.shequn.ledger.LedgerAssertions;
import org.shequn.ledger.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** The cart through HTTP: collecting lines from a store, one order per shop, prices changed meanwhile, who may use it. */
@IntegrationTest
class CartTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerInvariants invariants;

    Api api;
    CommerceFixtures f;
    TestCommunity community;
    TestCommunity.Cast cast;
    Api.User merchant;
    long notebook;
    long red;
    long blue;
    long pen;

    @BeforeEach
    void scene() throws Exception {
        api = new Api(mvc);
        f = new CommerceFixtures(api, jdbc);
        merchant = f.merchant();
        var product = f.listProduct(merchant, CommerceFixtures.product("读书笔记本", true, List.of(
                CommerceFixtures.sku(Map.of("颜色", "红"), "19.90", 10), CommerceFixtures.sku(Map.of("颜色", "蓝"), "29.90", 3))));
        notebook = product.get("id").asLong();
        red = product.get("skus").get(0).get("id").asLong();
        blue = product.get("skus").get(1).get("id").asLong();
        var other = f.merchant();
        var course = f.listProduct(other, CommerceFixtures.product("产品课", false, List.of(CommerceFixtures.sku(Map.of(), "99.00", 50))));
        pen = course.get("skus").get(0).get("id").asLong();
        community = TestCommunity.create(api, jdbc, "cart-");
        cast = community.cast();
        f.addToStore(community, cast.owner(), notebook);
        f.addToStore(community, cast.owner(), course.get("id").asLong());
    }

    @AfterEach
    void ledgerBalances() {
        LedgerAssertions.assertBalanced(invariants);
    }

    ResultActions add(Api.User who, long skuId, Object quantity) throws Exception {
        return api.post(who, "/api/v1/cart/lines", Api.obj("community", community.slug(), "skuId", skuId, "quantity", quantity));
    }

    ResultActions order(Api.User who, String key, long shopId) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/cart/orders").header("Authorization", who.bearer())
                .header("Idempotency-Key", key).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(Api.JSON.writeValueAsString(
                        Api.obj("community", community.slug(), "shopId", shopId, "address", "上海市静安区南京西路 1 号"))));
    }

    long shopOf(Api.User owner) throws Exception {
        return Api.body(api.get(owner, "/api/v1/shops/mine")).get("id").asLong();
    }

    JsonNode cart(Api.User who) throws Exception {
        return Api.body(api.get(who, "/api/v1/cart").andExpect(status().isOk()));
    }

    long orders(long buyer) {
        return jdbc.sql("select count(*) from orders where buyer_account_id = ?").param(buyer).query(Long.class).single();
    }

    @Test
    void aMemberCollectsTwoShopsLinesAndOrdersOneShopInOneOrderWhileTheOtherWaits() throws Exception {
        var buyer = cast.member();
        add(buyer, red, 1).andExpect(status().isOk());
        add(buyer, red, 1).andExpect(status().isOk()).andExpect(jsonPath("$.groups[0].lines[0].quantity").value(2));
        add(buyer, blue, 1).andExpect(status().isOk());
        add(buyer, pen, 1).andExpect(status().isOk()).andExpect(jsonPath("$.count").value(3))
                .andExpect(jsonPath("$.groups.length()").value(2));
        api.patch(buyer, "/api/v1/cart/lines/" + community.slug() + "/" + blue, Api.obj("quantity", 3)).andExpect(status().isOk());
        var group = cart(buyer).get("groups").get(0);
        assertThat(group.get("total").get("minor").asLong()).isEqualTo(2 * 1990 + 3 * 2990);

        var order = Api.body(order(buyer, "cart-1", shopOf(merchant)).andExpect(status().isCreated()));
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.get("split").get("total").get("minor").asLong()).isEqualTo(2 * 1990 + 3 * 2990);
        assertThat(f.stock(red)).isEqualTo(8);
        assertThat(f.stock(blue)).isZero();
        var left = cart(buyer);
        assertThat(left.get("count").asInt()).isEqualTo(1);
        assertThat(left.get("groups").get(0).get("lines").get(0).get("skuId").asLong()).isEqualTo(pen);

        // the same key again (a double tap after the lines are gone) is the same order, not a second one
        order(buyer, "cart-1", shopOf(merchant)).andExpect(jsonPath("$.id").value(order.get("id").asLong()));
        assertThat(orders(buyer.id())).isEqualTo(1);
    }

    @Test
    void aPriceChangedSinceAddingIsShownAndRefusedUntilTheBuyerAcceptsIt() throws Exception {
        var buyer = cast.member();
        add(buyer, red, 2).andExpect(status().isOk());
        api.put(merchant, "/api/v1/products/" + notebook, CommerceFixtures.product("读书笔记本", true, List.of(
                Api.obj("id", red, "attributes", Map.of("颜色", "红"), "price", "25.00", "stock", 10),
                Api.obj("id", blue, "attributes", Map.of("颜色", "蓝"), "price", "29.90", "stock", 3)))).andExpect(status().isOk());
        var line = cart(buyer).get("groups").get(0).get("lines").get(0);
        assertThat(line.get("priceChanged").asBoolean()).isTrue();
        assertThat(line.get("seenPrice").get("minor").asLong()).isEqualTo(1990);

        order(buyer, "cart-price", shopOf(merchant)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("¥25.00")));
        assertThat(orders(buyer.id())).isZero();
        assertThat(f.stock(red)).isEqualTo(10);
        assertThat(cart(buyer).get("count").asInt()).isEqualTo(1);

        api.post(buyer, "/api/v1/cart/" + community.slug() + "/shops/" + shopOf(merchant) + "/prices", Map.of())
                .andExpect(status().isOk()).andExpect(jsonPath("$.groups[0].lines[0].priceChanged").value(false));
        order(buyer, "cart-price-2", shopOf(merchant)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.split.total.minor").value(5000));
    }

    @Test
    void badQuantitiesForeignSkusAndStrangersAreRefusedAndWriteNothing() throws Exception {
        var buyer = cast.member();
        add(buyer, red, 0).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"));
        add(buyer, red, 100).andExpect(status().isBadRequest());
        add(buyer, red, "两个").andExpect(status().isBadRequest());
        var elsewhere = f.listProduct(merchant, CommerceFixtures.product("不在小店", true, List.of(CommerceFixtures.sku(Map.of(), "1.00", 1))));
        add(buyer, elsewhere.get("skus").get(0).get("id").asLong(), 1).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("skuId"));
        var outsider = api.register("路人");
        add(outsider, red, 1).andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/cart").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from cart_lines where community_id = ?").param(community.id())
                .query(Long.class).single()).isZero();

        add(buyer, red, 1).andExpect(status().isOk());
        // another member sees their own, empty cart, and cannot change or order this one
        var other = cast.core();
        assertThat(cart(other).get("count").asInt()).isZero();
        api.delete(other, "/api/v1/cart/lines/" + community.slug() + "/" + red).andExpect(status().isNotFound());
        order(other, "cart-other", shopOf(merchant)).andExpect(status().isNotFound());
        api.delete(buyer, "/api/v1/cart/lines/" + community.slug() + "/" + red).andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void fromTheStorePageIntoTheCartAndOnToAnOrder() throws Exception {
        var web = new WebSession(mvc);
        long buyer = jdbc.sql("select id from accounts where email = ?").param(web.register("购物车用户")).query(Long.class).single();
        Members.add(jdbc, community.id(), buyer, "MEMBER");
        web.get("/c/" + community.slug() + "/store").andExpect(status().isOk())
                .andExpect(content().string(containsString("formaction=\"/cart/lines\"")))
                .andExpect(content().string(containsString("购物车（0）")));
        web.form("/cart/lines", "community", community.slug(), "sku", blue + ":29.90", "quantity", "2")
                .andExpect(status().is3xxRedirection());
        web.get("/cart").andExpect(status().isOk()).andExpect(content().string(containsString("读书笔记本")))
                .andExpect(content().string(containsString("颜色=蓝"))).andExpect(content().string(containsString("¥59.80")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        var url = web.form("/cart/" + community.slug() + "/shops/" + shopOf(merchant) + "/order", "address", "北京市海淀区",
                "key", Api.unique("cart-form-")).andExpect(redirectedUrlPattern("/orders/*"))
                .andReturn().getResponse().getRedirectedUrl();
        web.get(url).andExpect(status().isOk()).andExpect(content().string(containsString("¥59.80")));
        web.get("/cart").andExpect(content().string(containsString("购物车是空的")))
                .andExpect(content().string(not(containsString("读书笔记本"))));
    }
}
