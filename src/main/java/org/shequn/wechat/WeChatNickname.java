package org.shequn.wechat;

/**
 * The name WeChat gives for a person, made fit to be a display name: control and invisible direction characters
 * removed (a WeChat nickname is whatever its owner typed), white space collapsed, and clamped to the 40
 * characters a display name may have, never splitting an emoji's surrogate pair. An empty result becomes 微信用户.
 */
record WeChatNickname(String value) {

    static final int MAX = 40;
    static final String FALLBACK = "微信用户";

    static WeChatNickname of(String raw) {
        if (raw == null) {
            return new WeChatNickname(FALLBACK);
        }
        var kept = new StringBuilder();
        raw.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                kept.append(' ');
            } else if (!Character.isISOControl(c) && !directionControl(c)
                    && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.PRIVATE_USE
                    && Character.getType(c) != Character.SURROGATE) {
                kept.appendCodePoint(c);
            }
        });
        var text = kept.toString().replaceAll(" {2,}", " ").strip();
        if (text.length() > MAX) {
            int end = Character.isHighSurrogate(text.charAt(MAX - 1)) ? MAX - 1 : MAX;
            text = text.substring(0, end).strip();
        }
        return new WeChatNickname(text.isEmpty() ? FALLBACK : text);
    }

    /** Bidirectional embeddings, overrides and isolates, which can make a name read as another. */
    private static boolean directionControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }
}
