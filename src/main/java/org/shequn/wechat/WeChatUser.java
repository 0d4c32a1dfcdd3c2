package org.shequn.wechat;

/**
 * A person as WeChat vouched for them at the end of one sign-in: {@code openid} (per app), {@code unionid} (per
 * open platform account; {@code null} when the app is not attached to one) and their nickname, already made fit
 * to be a display name ({@link WeChatNickname}).
 */
public record WeChatUser(String openid, String unionid, String nickname) {
}
