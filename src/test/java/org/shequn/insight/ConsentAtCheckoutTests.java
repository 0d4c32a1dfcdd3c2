package org.shequn.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The buyer chooses at checkout whether the merchant sees their identity tags; not shared unless they say so. */
@IntegrationTest
class ConsentAtCheckoutTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    InsightFixtures f;

    @BeforeEach
    void setUp() {
        f = new InsightFixtures(mvc, new Api(mvc), jdbc);
    }

    Map<String, Object> row(long orderId) {
        return jdbc.sql("select shares_tags, shared_position, shared_city, shared_education, shared_verified from orders where id = ?")
                .param(orderId).query().singleRow();
    }

    @Test
    void aBuyerWhoSaysNothingSharesNothingAndOneWhoAgreesSharesASnapshot() throws Exception {
        var s = f.scene("产品课");
        var quiet = f.buyer(s.community(), "沉默", "产品经理", "上海", "复旦大学");
        var open = f.buyer(s.community(), "公开", "产品经理", "北京", "清华大学");

        var kept = f.json(f.order(quiet, s.community().slug(), s.skuId(), null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sharesTags").value(false)));
        assertThat(row(kept.get("id").asLong())).containsEntry("shares_tags", false).containsEntry("shared_position", null)
                .containsEntry("shared_city", null).containsEntry("shared_education", null);

        var shared = f.json(f.order(open, s.community().slug(), s.skuId(), true).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sharesTags").value(true)));
        long id = shared.get("id").asLong();
        assertThat(row(id)).containsEntry("shares_tags", true).containsEntry("shared_position", "产品经理")
                .containsEntry("shared_city", "北京").containsEntry("shared_education", "清华大学")
                .containsEntry("shared_verified", false);

        // a snapshot: changing the profile afterwards does not change what the order shared
        f.api().put(open, "/api/v1/me/profile", Api.obj("displayName", "公开", "city", "深圳")).andExpect(status().isOk());
        assertThat(row(id)).containsEntry("shared_city", "北京");

        f.json(f.order(open, s.community().slug(), s.skuId(), false).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sharesTags").value(false)));
    }

    @Test
    void aConsentThatIsNotTrueOrFalseIsRefusedAndNothingIsWritten() throws Exception {
        var s = f.scene("产品课");
        var buyer = f.buyer(s.community(), "乱填", "产品经理", "上海", null);
        f.order(buyer, s.community().slug(), s.skuId(), Map.of("yes", 1)).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from orders where buyer_account_id = ?").param(buyer.id()).query(Long.class).single())
                .isZero();
    }
}
