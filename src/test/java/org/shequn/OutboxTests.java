package org.shequn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class OutboxTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsAreRecordedInTheSameTransactionAndRemovedOnceDelivered() throws Exception {
        var api = new Api(mvc);
        var user = api.register("事件");
        api.put(user, "/api/v1/me/profile", Api.obj("displayName", "事件", "city", "苏州")).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from event_publication where serialized_event like ?")
                .param("%\"accountId\":" + user.id() + "%").query(Integer.class).single()).isZero());
    }
}
