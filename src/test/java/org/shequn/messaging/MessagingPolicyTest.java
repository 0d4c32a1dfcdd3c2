package org.shequn.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagingPolicyTest {

    @Test
    void aBlockRefusesWhateverElseHolds() {
        for (var accepts : Acceptance.values()) {
            assertThat(MessagingPolicy.allows(true, accepts, () -> true, () -> true)).isFalse();
        }
    }

    @Test
    void eachSettingAcceptsItsPeople() {
        assertThat(MessagingPolicy.allows(false, Acceptance.COMMUNITIES, () -> false, () -> true)).isTrue();
        assertThat(MessagingPolicy.allows(false, Acceptance.COMMUNITIES, () -> true, () -> false)).isTrue();
        assertThat(MessagingPolicy.allows(false, Acceptance.COMMUNITIES, () -> false, () -> false)).isFalse();
        assertThat(MessagingPolicy.allows(false, Acceptance.FRIENDS, () -> false, () -> true)).isFalse();
        assertThat(MessagingPolicy.allows(false, Acceptance.FRIENDS, () -> true, () -> false)).isTrue();
        assertThat(MessagingPolicy.allows(false, Acceptance.NOBODY, () -> true, () -> true)).isFalse();
    }

    @Test
    void theDefaultIsSharedCommunities() {
        assertThat(Acceptance.DEFAULT).isEqualTo(Acceptance.COMMUNITIES);
    }
}
