package org.shequn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shequn.moderation.ModerationDecided;
import org.shequn.profile.VerificationKind;

/** Every kind of notification can be made from what it reports, and reads as a sentence in both languages. */
class NotificationKindTest {

    @ParameterizedTest
    @EnumSource(ModerationDecided.Action.class)
    void everyModerationDecisionHasItsKind(ModerationDecided.Action action) {
        var kind = NotificationKind.of(action);
        assertThat(kind.name()).isEqualTo("MODERATION_" + action.name());
        assertThat(kind.topic()).isEqualTo(Topic.MODERATION);
    }

    @ParameterizedTest
    @EnumSource(VerificationKind.class)
    void everyVerificationHasAKindForEachDecision(VerificationKind verification) {
        assertThat(NotificationKind.of(verification, true).topic()).isEqualTo(Topic.VERIFICATION);
        assertThat(NotificationKind.of(verification, false).topic()).isEqualTo(Topic.VERIFICATION);
        assertThat(NotificationKind.of(verification, true)).isNotEqualTo(NotificationKind.of(verification, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/notification.properties", "i18n/notification_en.properties"})
    void everyKindHasItsText(String bundle) throws IOException {
        var texts = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (var kind : NotificationKind.values()) {
            assertThat(texts.getProperty("notification.kind." + kind.name())).as(kind + " in " + bundle).isNotBlank();
        }
    }

    @Test
    void aFollowAndANewFriendAreOneTopicAsAreBothReactions() {
        assertThat(NotificationKind.FOLLOWED.topic()).isEqualTo(NotificationKind.FRIENDED.topic());
        assertThat(NotificationKind.REACTION.topic()).isEqualTo(NotificationKind.COMMENT_REACTION.topic());
        assertThat(NotificationKind.COMMENT_REPLY.topic()).isEqualTo(Topic.REPLY);
    }
}
