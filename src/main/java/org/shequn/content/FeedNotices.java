package org.shequn.content;

import gg.jte.Content;
import org.shequn.shared.web.PageContext;

/**
 * What stands above a member's feed before its posts: content declares it and the announcement module implements
 * it (the unread announcements), so that content never depends on announcements. The feed page asks once, before
 * it renders, for a member the feed has just let through the gate; without an implementation there is nothing.
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

    /** Markup for the feed page, placed above its posts. */
    @FunctionalInterface
    interface Notices {
        Content render(PageContext ctx);
    }
}
