package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Shops, products, the mall and a community's store through HTTP. */
@IntegrationTest
class ShopAndMallTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api;
    CommerceFixtures f;

    void setUp() {
        api = new Api(mvc);
        f = new CommerceFixtures(api, jdbc);
    }

    @Test
    void onlyAVerifiedPersonOpensAShopAndOnlyItsMerchantSeesTheSettlementDetails() throws Exception {
        setUp();
        var unverified = api.register("没认证");
        var shop = Api.obj("name", "小铺", "description", "好东西", "contact", "微信 x", "settlement", "银行卡 1234");
        api.post(unverified, "/api/v1/shops", shop).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("实名认证")));
        assertThat(jdbc.sql("select count(*) from shops where merchant_account_id = ?").param(unverified.id()).query(Long.class).single()).isZero();

        var merchant = f.merchant();
        long id = Api.body(api.get(merchant, "/api/v1/shops/mine").andExpect(status().isOk())
                .andExpect(jsonPath("$.settlement").value("招商银行 6225 **** 0001"))).get("id").asLong();
        api.get(api.register("路人"), "/api/v1/shops/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.contact").value("微信 haowu")).andExpect(jsonPath("$.settlement").doesNotExist());
        api.post(merchant, "/api/v1/shops", shop).andExpect(status().isConflict());
    }

    @Test
    void aMerchantListsAProductWithVariantsAndOnlyThatMerchantEditsIt() throws Exception {
        setUp();
        var merchant = f.merchant();
        var product = f.listProduct(merchant, CommerceFixtures.product("产品经理手册", true, List.of(
                CommerceFixtures.sku(Map.of("颜色", "红"), "19.90", 5), CommerceFixtures.sku(Map.of("颜色", "蓝"), "29.90", 3))));
        long id = product.get("id").asLong();
        assertThat(product.get("skus")).hasSize(2);
        assertThat(product.get("skus").get(0).get("price").get("minor").asLong()).isEqualTo(1990);
        assertThat(product.get("descriptionHtml").asString()).contains("<strong>好书</strong>");

        var other = f.merchant();
        var edit = CommerceFixtures.product("别人的书", true, List.of(CommerceFixtures.sku(Map.of(), "1.00", 1)));
        api.put(other, "/api/v1/products/" + id, edit).andExpect(status().isForbidden());
        api.get(merchant, "/api/v1/products/" + id).andExpect(jsonPath("$.title").value("产品经理手册"));

        // the merchant changes a price and drops the blue variant
        var red = product.get("skus").get(0).get("id").asLong();
        var changed = CommerceFixtures.product("产品经理手册", true, List.of(
                Api.obj("id", red, "attributes", Map.of("颜色", "红"), "price", "24.90", "stock", 5)));
        api.put(merchant, "/api/v1/products/" + id, changed).andExpect(status().isOk())
                .andExpect(jsonPath("$.skus", hasSize(1))).andExpect(jsonPath("$.skus[0].price.minor").value(2490));
    }

    @Test
    void absurdPricesStocksAndRatesAreRefusedAndNothingIsWritten() throws Exception {
        setUp();
        var merchant = f.merchant();
        long before = jdbc.sql("select count(*) from products").query(Long.class).single();
        for (var bad : List.of(CommerceFixtures.sku(Map.of(), "-1", 1), CommerceFixtures.sku(Map.of(), "0", 1),
                CommerceFixtures.sku(Map.of(), "1000000.01", 1), CommerceFixtures.sku(Map.of(), "1.999", 1),
                CommerceFixtures.sku(Map.of(), "abc", 1), CommerceFixtures.sku(Map.of(), "1.00", -1),
                CommerceFixtures.sku(Map.of("颜=色", "红"), "1.00", 1))) {
            api.post(merchant, "/api/v1/shops/mine/products", CommerceFixtures.product("书", true, List.of(bad)))
                    .andExpect(status().isBadRequest());
        }
        var rate = new java.util.LinkedHashMap<>(CommerceFixtures.product("书", true, List.of(CommerceFixtures.sku(Map.of(), "1.00", 1))));
        rate.put("commissionBp", 9001);
        api.post(merchant, "/api/v1/shops/mine/products", rate).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("commissionBp"));
        api.post(merchant, "/api/v1/shops/mine/products", CommerceFixtures.product("书", true, List.of()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from products").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theMallFindsPublishedProductsByChineseWordsAndFilters() throws Exception {
        setUp();
        var merchant = f.merchant();
        var word = Api.unique("独特词");
        var course = new java.util.LinkedHashMap<>(CommerceFixtures.product("数据分析课程 " + word, false,
                List.of(CommerceFixtures.sku(Map.of(), "99.00", 100))));
        course.put("category", "课程");
        long courseId = f.listProduct(merchant, course).get("id").asLong();
        var draft = new java.util.LinkedHashMap<>(CommerceFixtures.product("数据分析草稿 " + word, false,
                List.of(CommerceFixtures.sku(Map.of(), "9.00", 1))));
        draft.put("published", false);
        f.listProduct(merchant, draft);

        api.get(null, "/api/v1/mall?q=" + word + " 分析").andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(courseId));
        api.get(null, "/api/v1/mall?q=" + word + "&kind=SHIPPED").andExpect(jsonPath("$", hasSize(0)));
        api.get(null, "/api/v1/mall?q=" + word + "&kind=VIRTUAL&category=课程").andExpect(jsonPath("$", hasSize(1)));
        api.get(null, "/api/v1/mall?q=" + word + "&category=图书").andExpect(jsonPath("$", hasSize(0)));
        api.get(null, "/api/v1/mall?kind=BOTH").andExpect(status().isBadRequest());
    }

    @Test
    void runnersChooseTheStoreAndOnlyMembersSeeIt() throws Exception {
        setUp();
        var merchant = f.merchant();
        long productId = f.listProduct(merchant, CommerceFixtures.product("读书笔记本", true,
                List.of(CommerceFixtures.sku(Map.of(), "12.00", 10)))).get("id").asLong();
        var community = TestCommunity.create(api, jdbc, "store-");
        var cast = community.cast();
        var store = community.base() + "/store";
        api.post(cast.member(), store, Api.obj("productId", productId, "recommendation", "好用")).andExpect(status().isForbidden());
        api.post(cast.admin(), store, Api.obj("productId", productId, "recommendation", "我们读书会都在用"))
                .andExpect(status().isCreated());
        api.post(cast.owner(), store, Api.obj("productId", productId, "recommendation", "再加")).andExpect(status().isConflict());
        api.get(cast.member(), store).andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].recommendation").value("我们读书会都在用"))
                .andExpect(jsonPath("$.runs").value(false));
        api.get(cast.outsider(), store).andExpect(status().isForbidden());
        api.delete(cast.member(), store + "/" + productId).andExpect(status().isForbidden());
        api.delete(cast.owner(), store + "/" + productId).andExpect(status().isNoContent());
        api.get(cast.member(), store).andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void onlyTheMerchantSetsAProductsPicture() throws Exception {
        setUp();
        var merchant = f.merchant();
        long id = f.listProduct(merchant, CommerceFixtures.product("带图的书", true,
                List.of(CommerceFixtures.sku(Map.of(), "12.00", 1)))).get("id").asLong();
        var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        var file = new org.springframework.mock.web.MockMultipartFile("file", "书.png", "image/png", png.toByteArray());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/products/" + id + "/image")
                        .file(file).header("Authorization", f.merchant().bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/products/" + id + "/image")
                        .file(file).header("Authorization", merchant.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imageUrl", containsString("/files/")));
        api.get(null, "/api/v1/products/" + id).andExpect(jsonPath("$.imageUrl", containsString("/files/")));
    }
}
