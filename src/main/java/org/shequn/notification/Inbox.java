package org.shequn.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.shequn.notification.view.NotificationView;
import org.shequn.shared.Cursor;
import org.shequn.shared.Page;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading one's own notifications; texts are rendered now, in the reader's language. */
@Service
public class Inbox {

    static final int PAGE_SIZE = 30;

    private final NotificationStore store;
    private final NotificationText texts;
    private final Clock clock;

    Inbox(NotificationStore store, NotificationText texts, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.clock = clock;
    }

    public Page<NotificationView> page(Viewer viewer, String cursor, Locale locale) {
        Viewer.require(viewer);
        var before = Cursor.decode(cursor);
        var rows = store.inbox(viewer.accountId(), before == null ? Long.MAX_VALUE : before.id(), PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        var page = more ? rows.subList(0, PAGE_SIZE) : rows;
        var items = page.stream().map(r -> view(r, locale)).toList();
        return new Page<>(items, more ? new Cursor("n", page.getLast().id()).encode() : null);
    }

    public int unread(Viewer viewer) {
        return viewer == null ? 0 : store.unread(viewer.accountId());
    }

    @Transactional
    public void markAllRead(Viewer viewer) {
        Viewer.require(viewer);
        store.markAllRead(viewer.accountId(), OffsetDateTime.now(clock));
    }

    /** Marks one of one's own notifications read; someone else's is "not found", as if it did not exist. */
    @Transactional
    public void markRead(Viewer viewer, long id) {
        read(viewer, id);
    }

    /** Opening a notification reads it; returns where it leads (the inbox when nowhere). */
    @Transactional
    public String open(Viewer viewer, long id) {
        var link = NotificationText.link(read(viewer, id));
        return link == null ? "/notifications" : link;
    }

    private NotificationStore.NotificationRow read(Viewer viewer, long id) {
        Viewer.require(viewer);
        var row = store.byId(viewer.accountId(), id).orElseThrow(() -> Rejection.notFound("notification.notFound"));
        store.markRead(viewer.accountId(), id, OffsetDateTime.now(clock));
        return row;
    }

    private NotificationView view(NotificationStore.NotificationRow r, Locale locale) {
        return new NotificationView(r.id(), r.kind(), r.kind().topic().name(), texts.text(r, locale),
                NotificationText.link(r), r.createdAt(), r.readAt() == null, r.actorId(), r.actorName());
    }
}
