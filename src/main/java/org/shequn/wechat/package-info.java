/**
 * Signing in with WeChat (微信登录) through its website OAuth 2.0 flow (网站应用微信登录): the QR-code authorize
 * page, the code exchanged for an access token with the person's openid and unionid, their nickname; WeChat
 * identities bound to accounts (one per account, one account per identity). It is off until an app id and secret
 * are configured. It offers itself to identity as a {@link org.shequn.identity.SignInMethod}, creates and signs
 * in accounts through {@link org.shequn.identity.ExternalSignIn} and {@link org.shequn.identity.SignIn}, and
 * keeps its own table; identity knows nothing of WeChat. The {@code web} sub-package holds its endpoints.
 */
@org.springframework.modulith.ApplicationModule(displayName = "WeChat sign-in",
        allowedDependencies = {"identity", "shared"})
package org.shequn.wechat;
