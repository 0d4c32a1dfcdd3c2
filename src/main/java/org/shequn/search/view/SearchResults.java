package org.shequn.search.view;

import java.util.List;

/**
 * A page of results. {@code matchedAll} is false when no document held every word and the results hold
 * any of them; {@code next} is the cursor of the following page, null on the last.
 */
public record SearchResults(String q, String communitySlug, String communityName, List<String> terms,
                            boolean matchedAll, List<SearchHit> items, String next) {
}
