package org.shequn.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The two small rules of WeChat sign-in: what a nickname may become, and when a returning state is accepted. */
class WeChatRulesTest {

    @Test
    void aNicknameLosesControlAndDirectionCharactersAndIsClampedWithoutSplittingAnEmoji() {
        assertThat(WeChatNickname.of("\u202Eab\u0000c\u200F\n  d ").value()).isEqualTo("abc d");
        assertThat(WeChatNickname.of("  ").value()).isEqualTo(WeChatNickname.FALLBACK);
        assertThat(WeChatNickname.of(null).value()).isEqualTo(WeChatNickname.FALLBACK);
        var clamped = WeChatNickname.of("a".repeat(39) + "😀😀").value();
        assertThat(clamped).isEqualTo("a".repeat(39));
        assertThat(WeChatNickname.of("好".repeat(50)).value()).hasSize(40);
    }

    @Test
    void aStateIsAcceptedOnlyAsIssuedBeforeItExpiresAndForTheSameViewer() {
        var now = Instant.parse("2026-01-01T00:00:00Z");
        var signingIn = WeChatAttempt.start(null, "/", now);
        assertThat(signingIn.state()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(signingIn.accepts(signingIn.state(), null, now.plusSeconds(599))).isTrue();
        assertThat(signingIn.accepts(signingIn.state(), null, now.plus(WeChatAttempt.LIFETIME))).isFalse();
        assertThat(signingIn.accepts(signingIn.state() + "x", null, now)).isFalse();
        assertThat(signingIn.accepts(null, null, now)).isFalse();
        assertThat(signingIn.accepts(signingIn.state(), 7L, now)).isFalse();
        var binding = WeChatAttempt.start(7L, "/settings/account", now);
        assertThat(binding.accepts(binding.state(), 7L, now)).isTrue();
        assertThat(binding.accepts(binding.state(), 8L, now)).isFalse();
        assertThat(binding.accepts(binding.state(), null, now)).isFalse();
        assertThat(WeChatAttempt.start(null, "/", now).state()).isNotEqualTo(signingIn.state());
    }
}
