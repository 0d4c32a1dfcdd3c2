package org.shequn.content;

import gg.jte.Content;
import org.shequn.shared.web.PageContext;

/**
 * What stands above a member's feed before its posts: content declares it and other modules implement it (the
 * unread announcements, the check-in challenges' digest cards), so that content depends on none of them. The feed
 * page asks each implementation once, in their {@code @Order}, before it renders, for a member the feed has just let
 * through the gate, and shows their notices one after another; without an implementation there is nothing.
 */
public interface FeedNotices {

    /** Nothing above the feed. */
    Notices NONE = ctx -> output -> {
    };

    /**
     * The notices for this member on the first page of the community's feed, read in full (in one query) before
     * the page renders; {@code archived}: the community takes no writes, so nothing may be marked.
     */
    Notices above(long communityId, String slug, long accountId, boolean archived);

    /** Every implementation's notices for this member, read now, drawn one after another. */
    static Notices all(java.util.List<FeedNotices> sources, long communityId, String slug, long accountId,
                       boolean archived) {
        var each = sources.stream().map(s -> s.above(communityId, slug, accountId, archived)).filter(n -> n != NONE)
                .toList();
        if (each.isEmpty()) {
            return NONE;
        }
        return ctx -> output -> each.forEach(n -> n.render(ctx).writeTo(output));
    }

    /** Markup for the feed page, placed above its posts. */
    @FunctionalInterface
    interface Notices {
        Content render(PageContext ctx);
    }
}
