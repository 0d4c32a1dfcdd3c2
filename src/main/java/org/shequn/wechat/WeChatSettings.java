package org.shequn.wechat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The WeChat open platform app Shequn signs in through ({@code shequn.wechat.*}). Without an app id and a secret
 * WeChat sign-in is off: no button, and its endpoints answer 404. The two addresses default to WeChat's own and
 * are overridable so a test can stand in for WeChat. The secret never leaves this class but to WeChat's token
 * endpoint, and {@link #toString()} leaves it out.
 */
@Component
class WeChatSettings {

    private final String appId;
    private final String appSecret;
    private final String authorizeUrl;
    private final String apiBaseUrl;

    WeChatSettings(@Value("${shequn.wechat.app-id:}") String appId,
                   @Value("${shequn.wechat.app-secret:}") String appSecret,
                   @Value("${shequn.wechat.authorize-url:https://open.weixin.qq.com/connect/qrconnect}") String authorizeUrl,
                   @Value("${shequn.wechat.api-base-url:https://api.weixin.qq.com}") String apiBaseUrl) {
        this.appId = appId.strip();
        this.appSecret = appSecret.strip();
        this.authorizeUrl = authorizeUrl.strip();
        this.apiBaseUrl = apiBaseUrl.strip().replaceAll("/+$", "");
    }

    boolean enabled() {
        return !appId.isEmpty() && !appSecret.isEmpty();
    }

    String appId() {
        return appId;
    }

    String appSecret() {
        return appSecret;
    }

    String authorizeUrl() {
        return authorizeUrl;
    }

    String apiBaseUrl() {
        return apiBaseUrl;
    }

    @Override
    public String toString() {
        return "WeChatSettings[appId=" + appId + ", authorizeUrl=" + authorizeUrl + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
