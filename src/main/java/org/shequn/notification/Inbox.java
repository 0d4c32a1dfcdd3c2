package org.shequn.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.shequn.notification.view.NotificationView;
import org.shequn.shared.Cursor;
import org.shequn.shared.Page;
import org.shequn.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading one's own notifications; texts are rendered now, in the reader's language. */
@Service
class Inbox {

    static final int PAGE_SIZE = 30;

    private final NotificationStore store;
    private final MessageSource messages;
    private final Clock clock;

    Inbox(NotificationStore store, MessageSource messages, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
    }

    Page<NotificationView> page(Viewer viewer, String cursor, Locale locale) {
        Viewer.require(viewer);
        var before = Cursor.decode(cursor);
        var rows = store.inbox(viewer.accountId(), before == null ? Long.MAX_VALUE : before.id(), PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        var page = more ? rows.subList(0, PAGE_SIZE) : rows;
        var items = page.stream().map(r -> view(r, locale)).toList();
        return new Page<>(items, more ? new Cursor("n", page.getLast().id()).encode() : null);
    }

    int unread(Viewer viewer) {
        return viewer == null ? 0 : store.unread(viewer.accountId());
    }

    @Transactional
    void markAllRead(Viewer viewer) {
        Viewer.require(viewer);
        store.markAllRead(viewer.accountId(), OffsetDateTime.now(clock));
    }

    private NotificationView view(NotificationStore.NotificationRow r, Locale locale) {
        var text = messages.getMessage("notification.kind." + r.kind(),
                new Object[] {orEmpty(r.actorName()), orEmpty(r.communityName()), orEmpty(r.detail())},
                r.kind(), locale);
        return new NotificationView(r.id(), r.kind(), text, link(r), r.createdAt(), r.readAt() == null);
    }

    private static String link(NotificationStore.NotificationRow r) {
        if (r.kind().startsWith("APPLICATION_SUBMITTED")) {
            return "/c/" + r.communitySlug() + "/manage";
        }
        if (r.kind().equals("APPLICATION_REJECTED")) {
            return "/c/" + r.communitySlug() + "/apply";
        }
        if (r.communitySlug() != null) {
            return "/c/" + r.communitySlug();
        }
        if (r.kind().startsWith("VERIFICATION_")) {
            return "/verifications";
        }
        return r.actorId() == null ? null : "/people/" + r.actorId();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
