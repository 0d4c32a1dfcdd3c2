package org.shequn.payment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.shequn.IntegrationTest;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Nothing configured, the test mode switched off: no channel is offered and every notification endpoint is 404. */
@IntegrationTest
@TestPropertySource(properties = "shequn.payment.test.enabled=false")
class PaymentChannelsOffTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Payments payments;

    @Test
    void unconfiguredChannelsAreNotOfferedAndTheirEndpointsDoNotExist() throws Exception {
        mvc.perform(get("/api/v1/payments/channels")).andExpect(status().isOk()).andExpect(content().json("[]"));
        for (var channel : new String[] {"wechat", "alipay", "test", "offline"}) {
            mvc.perform(post("/api/v1/payments/notify/" + channel).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/v1/payments/notify/alipay").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("sign", "x")).andExpect(status().isNotFound());
        assertThatThrownBy(() -> payments.start(new PaymentRequest("order:1", Money.cny(1), PaymentChannel.Kind.WECHAT,
                1, "x", "k"))).isInstanceOf(Rejection.class);
    }
}
