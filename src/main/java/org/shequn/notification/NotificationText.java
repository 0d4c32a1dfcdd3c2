package org.shequn.notification;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What a notification says, in a given language, and the page it leads to (for the inbox and for mail). */
@Component
class NotificationText {

    /** Times in texts as the pages show them: minutes, China Standard Time. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MessageSource messages;

    NotificationText(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Arguments: {0} who, {1} community, {2} detail (a title, a reason), {3} how many others, {4} until when,
     * {5} how many in all (Chinese counts everyone: 张三 等 2 人 is 张三 and one other).
     */
    String text(NotificationStore.NotificationRow r, Locale locale) {
        return messages.getMessage("notification.kind." + r.kind(),
                new Object[] {orEmpty(r.actorName()), orEmpty(r.communityName()), orEmpty(r.detail()),
                        Math.max(0, r.actorCount() - 1), format(r.untilAt()), Math.max(1, r.actorCount())},
                r.kind().name(), locale);
    }

    /** A site path (no host); null when there is nowhere to go. */
    static String link(NotificationStore.NotificationRow r) {
        if ((r.kind() == NotificationKind.SUBGROUP_LEADER_LEFT || r.kind() == NotificationKind.SUBGROUP_WINNER_GONE)
                && r.communitySlug() != null) {
            return "/c/" + r.communitySlug() + "/groups";
        }
        if (r.kind() == NotificationKind.ELECTION_TERM_ENDED && r.communitySlug() != null) {
            return "/c/" + r.communitySlug() + "/elections";
        }
        if (r.kind().topic() == Topic.REVIEW && r.communitySlug() != null) {
            return "/c/" + r.communitySlug() + "/moderation";
        }
        if (r.kind().topic() == Topic.ORDER && r.detail() != null && r.detail().matches("[0-9]{1,18}")) {
            return "/orders/" + r.detail();
        }
        if (r.kind().topic() == Topic.ENTRY && r.communitySlug() != null) {
            return "/c/" + r.communitySlug() + "/entry";
        }
        if (r.kind().topic() == Topic.EVENT && r.communitySlug() != null) {
            return "/c/" + r.communitySlug() + "/events";
        }
        if (r.kind().topic() == Topic.CHECKIN && r.communitySlug() != null) {
            return "/c/" + r.communitySlug() + "/checkins";
        }
        if (r.kind().topic() == Topic.ASSIGNMENT && r.communitySlug() != null) {
            return "/c/" + r.communitySlug() + "/assignments";
        }
        if (r.kind().topic() == Topic.ANNOUNCEMENT && r.communitySlug() != null) {
            return "/c/" + r.communitySlug() + "/announcements";
        }
        if (r.postId() != null && r.communitySlug() != null) {
            return "/c/" + r.communitySlug() + "/posts/" + r.postId()
                    + (r.commentId() == null ? "" : "#comment-" + r.commentId());
        }
        if (r.kind() == NotificationKind.APPLICATION_SUBMITTED) {
            return "/c/" + r.communitySlug() + "/manage";
        }
        if (r.kind() == NotificationKind.APPLICATION_APPROVED_PAY) {
            return "/c/" + r.communitySlug() + "/entry";
        }
        if (r.kind() == NotificationKind.APPLICATION_REJECTED) {
            return "/c/" + r.communitySlug() + "/apply";
        }
        if (r.communitySlug() != null) {
            return "/c/" + r.communitySlug();
        }
        if (r.kind().topic() == Topic.VERIFICATION) {
            return "/verifications";
        }
        return r.actorId() == null ? null : "/people/" + r.actorId();
    }

    private static String format(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(ZONE));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
