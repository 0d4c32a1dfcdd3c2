package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The commerce pages: a merchant opens a shop and lists a product, a member buys it from the store's form. */
@IntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "shequn.payment.test.enabled=true")
class CommercePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    long accountId(String email) {
        return jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
    }

    @Test
    void aMerchantListsAProductAndAMemberOrdersItFromTheStorePage() throws Exception {
        var api = new Api(mvc);
        var merchant = new WebSession(mvc);
        long merchantId = accountId(merchant.register("商家甲"));
        merchant.get("/shop").andExpect(status().isOk()).andExpect(content().string(containsString("实名认证")));
        merchant.form("/shop", "name", "读书小铺", "description", "好书", "contact", "微信", "settlement", "卡")
                .andExpect(status().isForbidden());
        jdbc.sql("insert into profiles (account_id, real_name_verified, updated_at) values (?, true, ?)")
                .params(merchantId, OffsetDateTime.now()).update();
        merchant.form("/shop", "name", "读书小铺", "description", "好书", "contact", "微信", "settlement", "卡")
                .andExpect(status().is3xxRedirection());
        merchant.get("/shop").andExpect(content().string(containsString("读书小铺")));
        merchant.get("/shop/products/new").andExpect(status().isOk());
        var created = merchant.form("/shop/products", "title", "产品经理读书笔记", "description", "**精选**", "category", "图书",
                "tags", "读书, 产品", "shipped", "on", "commissionBp", "1500", "published", "on",
                "skus", "颜色=红 | 19.90 | 5\n颜色=蓝 | 29.90 | 3")
                .andExpect(redirectedUrlPattern("/mall/products/*")).andReturn().getResponse().getRedirectedUrl();
        long productId = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        merchant.get("/mall/products/" + productId).andExpect(status().isOk())
                .andExpect(content().string(containsString("颜色=红"))).andExpect(content().string(containsString("¥29.90")));
        merchant.get("/shop/products/" + productId + "/edit").andExpect(status().isOk())
                .andExpect(content().string(containsString("颜色=蓝 | 29.90 | 3")));
        merchant.get("/mall?q=读书笔记").andExpect(status().isOk()).andExpect(content().string(containsString("产品经理读书笔记")));

        var community = TestCommunity.create(api, jdbc, "shop-page-");
        var buyer = new WebSession(mvc);
        long buyerId = accountId(buyer.register("买家乙"));
        Members.add(jdbc, community.id(), buyerId, "MEMBER");
        // the owner adds it from the product page's form, choosing the community there
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/mall/products/" + productId + "/store")
                        .param("slug", community.slug()).param("recommendation", "读书会推荐")
                        .header("Authorization", community.owner().bearer()))
                .andExpect(redirectedUrl("/c/" + community.slug() + "/store"));
        buyer.get("/c/" + community.slug() + "/store").andExpect(status().isOk())
                .andExpect(content().string(containsString("读书会推荐")));
        long skuId = jdbc.sql("select id from skus where product_id = ? and attributes = '颜色=红'").param(productId).query(Long.class).single();
        var order = buyer.form("/orders", "community", community.slug(), "sku", skuId + ":19.90", "quantity", "2",
                "address", "上海市", "key", Api.unique("form-")).andExpect(redirectedUrlPattern("/orders/*"))
                .andReturn().getResponse().getRedirectedUrl();
        buyer.get(order).andExpect(status().isOk()).andExpect(content().string(containsString("待付款")))
                .andExpect(content().string(containsString("¥39.80")));
        buyer.get("/orders").andExpect(status().isOk()).andExpect(content().string(containsString("产品经理读书笔记")));
        buyer.form(order + "/pay", "channel", "TEST", "key", Api.unique("pay-")).andExpect(redirectedUrlPattern("/payments/*/test"));
        merchant.get("/shop/orders").andExpect(status().isOk()).andExpect(content().string(containsString("¥39.80")));
        merchant.get(order).andExpect(status().isOk());
        buyer.get("/c/" + community.slug() + "/sales").andExpect(status().isForbidden());
        assertThat(jdbc.sql("select stock from skus where id = ?").param(skuId).query(Integer.class).single()).isEqualTo(3);
    }
}
