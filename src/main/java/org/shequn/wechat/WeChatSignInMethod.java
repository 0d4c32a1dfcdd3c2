package org.shequn.wechat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.shequn.identity.SignInBinding;
import org.shequn.identity.SignInButton;
import org.shequn.identity.SignInMethod;
import org.springframework.stereotype.Component;

/** WeChat as identity's pages show it: the 微信登录 button and the binding on the settings page, while configured. */
@Component
class WeChatSignInMethod implements SignInMethod {

    static final String START = "/login/wechat";
    static final String BIND = "/settings/wechat/bind";
    static final String UNBIND = "/settings/wechat/unbind";

    private final WeChatSettings settings;
    private final WeChatIdentityStore store;

    WeChatSignInMethod(WeChatSettings settings, WeChatIdentityStore store) {
        this.settings = settings;
        this.store = store;
    }

    @Override
    public Optional<SignInButton> button(String next) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        var href = next == null || next.equals("/") ? START
                : START + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return Optional.of(new SignInButton("wechat.button", href));
    }

    @Override
    public Optional<SignInBinding> binding(long accountId) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        var bound = store.ofAccount(accountId).map(WeChatIdentityStore.Bound::nickname).orElse(null);
        return Optional.of(new SignInBinding("wechat.name", bound, BIND, UNBIND));
    }

    @Override
    public boolean signsIn(long accountId) {
        return settings.enabled() && store.ofAccount(accountId).isPresent();
    }
}
