package org.shequn.earnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.shequn.ledger.LedgerAssertions;
import org.shequn.ledger.LedgerInvariants;
import org.shequn.payment.TestMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The money views through HTTP: a community's owner and admins read its commission (pending, then settleable after
 * the window), its entry income, its sales and its joins and renewals; the merchant reads the shop's balance and its
 * sales under that community; members, outsiders, other owners and people without a shop are refused.
 */
@IntegrationTest
@TestPropertySource(properties = "shequn.payment.test.enabled=true")
class EarningsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestMode testMode;
    @Autowired
    LedgerInvariants invariants;

    Api api;

    @AfterEach
    void checkTheLedger() {
        LedgerAssertions.assertBalanced(invariants);
    }

    ResultActions withKey(Api.User user, String path, Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).header("Authorization", user.bearer())
                .header("Idempotency-Key", Api.unique("k-")).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(Api.JSON.writeValueAsString(body)));
    }

    String page(Api.User user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).header("Authorization", user.bearer()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    String stateOf(Api.User who, long orderId) throws Exception {
        return Api.body(api.get(who, "/api/v1/orders/" + orderId)).get("status").asString();
    }

    @Test
    void theOwnerSeesTheCommissionSettleAndTheMerchantSeesTheSaleUnderTheCommunity() throws Exception {
        api = new Api(mvc);
        var merchant = api.register("商家");
        jdbc.sql("insert into profiles (account_id, real_name_verified, updated_at) values (?, true, ?)")
                .params(merchant.id(), OffsetDateTime.now()).update();
        api.post(merchant, "/api/v1/shops", Api.obj("name", Api.unique("好物小铺"), "description", "认真选的好东西。",
                "contact", "微信 haowu", "settlement", "招商银行 6225 **** 0001")).andExpect(status().isCreated());
        var product = Api.body(api.post(merchant, "/api/v1/shops/mine/products", Api.obj("title", "产品经理手册",
                "description", "好书", "category", "图书", "tags", List.of("读书"), "shipped", true, "commissionBp", 1500,
                "published", true, "skus", List.of(Api.obj("attributes", Map.of("版本", "精装"), "price", "59.00", "stock", 5))))
                .andExpect(status().isCreated()));
        var community = TestCommunity.create(api, jdbc, "earn-");
        var cast = community.cast();
        api.post(cast.owner(), community.base() + "/store", Api.obj("productId", product.get("id").asLong(),
                "recommendation", "群友推荐")).andExpect(status().isCreated());

        // before any sale: zeros, not errors
        api.get(cast.owner(), community.base() + "/earnings").andExpect(status().isOk())
                .andExpect(jsonPath("$.commission.pending.minor").value(0)).andExpect(jsonPath("$.sales.orders").value(0))
                .andExpect(jsonPath("$.statement.items", hasSize(0)));
        api.get(merchant, "/api/v1/shops/mine/earnings").andExpect(status().isOk()).andExpect(jsonPath("$.byCommunity", hasSize(0)));

        var buyer = cast.member();
        long orderId = Api.body(withKey(buyer, "/api/v1/orders", Api.obj("community", community.slug(), "lines",
                List.of(Api.obj("skuId", product.get("skus").get(0).get("id").asLong(), "quantity", 2, "unitPrice", "59.00")),
                "address", "上海市静安区南京西路 1 号")).andExpect(status().isCreated())).get("id").asLong();
        long paymentId = Api.body(withKey(buyer, "/api/v1/orders/" + orderId + "/payment", Api.obj("channel", "TEST"))
                .andExpect(status().isOk())).get("paymentId").asLong();
        assertThat(testMode.simulateSuccess(paymentId, buyer.id())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(buyer, orderId).equals("PAID"));

        // paid: the commission is pending; the sale counts
        api.get(cast.admin(), community.base() + "/earnings").andExpect(status().isOk())
                .andExpect(jsonPath("$.commission.pending.minor").value(1770))
                .andExpect(jsonPath("$.commission.settleable.minor").value(0))
                .andExpect(jsonPath("$.sales.orders").value(1)).andExpect(jsonPath("$.sales.amount.minor").value(11800))
                .andExpect(jsonPath("$.sales.commission.minor").value(1770))
                .andExpect(jsonPath("$.salesThisMonth.orders").value(1))
                .andExpect(jsonPath("$.statement.items", hasSize(1)))
                .andExpect(jsonPath("$.statement.items[0].state").value("PENDING"));

        api.post(merchant, "/api/v1/orders/" + orderId + "/shipment", Api.obj("carrier", "顺丰", "trackingNo", "SF1234567"))
                .andExpect(status().isOk());
        api.post(buyer, "/api/v1/orders/" + orderId + "/receipt", null).andExpect(status().isOk());
        clock.advance(Duration.ofDays(8));

        api.get(cast.owner(), community.base() + "/earnings").andExpect(status().isOk())
                .andExpect(jsonPath("$.commission.pending.minor").value(0))
                .andExpect(jsonPath("$.commission.settleable.minor").value(1770))
                .andExpect(jsonPath("$.statement.items[0].state").value("SETTLEABLE"));
        var shop = Api.body(api.get(merchant, "/api/v1/shops/mine/earnings").andExpect(status().isOk())
                .andExpect(jsonPath("$.byCommunity", hasSize(1)))
                .andExpect(jsonPath("$.byCommunity[0].communitySlug").value(community.slug()))
                .andExpect(jsonPath("$.byCommunity[0].orders").value(1))
                .andExpect(jsonPath("$.byCommunity[0].amount.minor").value(11800)));
        assertThat(shop.get("balance").get("settleable").get("minor").asLong()).isPositive();
        assertThat(shop.get("balance").get("settleable").get("minor").asLong())
                .isEqualTo(shop.get("byCommunity").get(0).get("merchantShare").get("minor").asLong());

        // the pages show the same
        assertThat(page(cast.owner(), "/c/" + community.slug() + "/earnings")).contains("社群收入").contains("17.70");
        var name = jdbc.sql("select name from communities where slug = ?").param(community.slug()).query(String.class).single();
        assertThat(page(merchant, "/shop/earnings")).contains(name).contains("118.00");

        // refused: members, outsiders, another community's owner, anonymous; a statement that is neither; no shop
        api.get(buyer, community.base() + "/earnings").andExpect(status().isForbidden());
        api.get(cast.outsider(), community.base() + "/earnings").andExpect(status().isForbidden());
        var elsewhere = TestCommunity.create(api, jdbc, "earn-other-");
        api.get(elsewhere.owner(), community.base() + "/earnings").andExpect(status().isForbidden());
        api.get(null, community.base() + "/earnings").andExpect(status().isUnauthorized());
        api.get(cast.owner(), community.base() + "/earnings?statement=merchant").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("statement"));
        api.get(buyer, "/api/v1/shops/mine/earnings").andExpect(status().isNotFound());
        api.get(null, "/api/v1/shops/mine/earnings").andExpect(status().isUnauthorized());
    }
}
