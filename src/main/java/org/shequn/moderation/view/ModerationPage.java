package org.shequn.moderation.view;

import java.util.List;
import org.shequn.shared.Page;

/**
 * The owner's and admins' moderation page: open reports, held posts and comments, mutes, banned words, recent
 * actions. The four long lists come a page at a time, each from its own cursor.
 */
public record ModerationPage(String slug, String communityName, Page<ReportView> reports, Page<HeldPost> held,
                             Page<HeldComment> heldComments,
                             List<MuteView> mutes, List<BannedWord> words, Page<AuditEntry> audit, Cursors cursors) {

    /** Where each paged list starts (query parameters of the same names); null is its newest page. */
    public record Cursors(String reports, String held, String comments, String audit) {

        public static final Cursors FIRST = new Cursors(null, null, null, null);

        /** True when some list is past its first page (the page then offers a way back to the start). */
        public boolean paged() {
            return reports != null || held != null || comments != null || audit != null;
        }
    }
}
