package org.shequn.announcement;

import gg.jte.TemplateEngine;
import java.util.Map;
import org.shequn.content.FeedNotices;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The unread announcements above a member's feed ({@link FeedNotices}): read in one query before the page renders,
 * drawn with this module's template, each with its 我知道了 button. An archived community shows none: it takes no
 * writes, so nothing could be marked, and its list page still has them all.
 */
@Component
@Order(1)
class FeedAnnouncements implements FeedNotices {

    /** More than this many unread at once is unusual; the rest wait on the list page. */
    static final int SHOWN = 5;

    private final Announcements announcements;
    private final TemplateEngine templates;

    FeedAnnouncements(Announcements announcements, TemplateEngine templates) {
        this.announcements = announcements;
        this.templates = templates;
    }

    @Override
    public Notices above(long communityId, String slug, long accountId, boolean archived) {
        if (archived) {
            return NONE;
        }
        var unread = announcements.unread(communityId, accountId, SHOWN);
        if (unread.isEmpty()) {
            return NONE;
        }
        return ctx -> output -> templates.render("announcement/banner.jte",
                Map.of("ctx", ctx, "slug", slug, "items", unread), output);
    }
}
