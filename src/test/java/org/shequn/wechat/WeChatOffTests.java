package org.shequn.wechat;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.IntegrationTest;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Without an app id and secret there is no WeChat sign-in at all: no button, no binding, every endpoint a 404. */
@IntegrationTest
class WeChatOffTests {

    @Autowired
    MockMvc mvc;

    @Test
    void isOffWhenNotConfigured() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("微信登录"))));
        mvc.perform(get("/register")).andExpect(content().string(Matchers.not(Matchers.containsString("/login/wechat"))));
        mvc.perform(get("/login/wechat")).andExpect(status().isNotFound());
        mvc.perform(get("/login/wechat/callback?code=abc&state=xyz")).andExpect(status().isNotFound());

        var browser = new WebSession(mvc);
        browser.register("没有微信");
        browser.get("/settings/account").andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/settings/wechat"))));
        browser.form("/settings/wechat/bind").andExpect(status().isNotFound());
        browser.form("/settings/wechat/unbind").andExpect(status().isNotFound());
        browser.get("/login/wechat").andExpect(status().isNotFound());
    }
}
