package org.shequn.search.view;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A page of results. {@code matchedAll} is false when no document held every word and the results hold
 * any of them; {@code next} is the cursor of the following page, null on the last.
 */
public record SearchResults(String q, String communitySlug, String communityName, List<String> terms,
                            boolean matchedAll, List<SearchHit> items, String next,
                            @JsonIgnore boolean runs) {

    /** Whether the viewer runs the community searched (its tab bar then offers 管理); false across communities. */
    public SearchResults withRuns(boolean runs) {
        return new SearchResults(q, communitySlug, communityName, terms, matchedAll, items, next, runs);
    }
}
