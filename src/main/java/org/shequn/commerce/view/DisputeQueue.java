package org.shequn.commerce.view;

import org.shequn.shared.Page;

/**
 * The operators' disputes page: a page of the disputes waiting for a decision (oldest first, so none waits forever
 * behind newer ones), how many wait in all, and a page of the decided ones (latest first); each list has its own
 * cursor so either can be read further while the other stays where it is.
 */
public record DisputeQueue(Page<DisputeCase> undecided, long waiting, Page<DisputeCase> decided, Cursors cursors) {

    /** The next page of the undecided list, the decided one where it is; null on the last. */
    public String moreUndecided() {
        return undecided.next() == null ? null : new Cursors(undecided.next(), cursors.decided(), cursors.limit()).url();
    }

    /** The next page of the decided list, the undecided one where it is; null on the last. */
    public String moreDecided() {
        return decided.next() == null ? null : new Cursors(cursors.undecided(), decided.next(), cursors.limit()).url();
    }

    /**
     * Where each list starts (the page's {@code undecided} and {@code decided} parameters; null is its first page) and
     * how many each shows ({@code limit}; null when not given).
     */
    public record Cursors(String undecided, String decided, Integer limit) {

        /** The page at these cursors: plain /operator/disputes for the first. Cursors are URL-safe base64. */
        public String url() {
            var query = new StringBuilder();
            if (undecided != null) {
                query.append("&undecided=").append(undecided);
            }
            if (decided != null) {
                query.append("&decided=").append(decided);
            }
            if (limit != null) {
                query.append("&limit=").append(limit);
            }
            return "/operator/disputes" + (query.isEmpty() ? "" : "?" + query.substring(1));
        }
    }
}
