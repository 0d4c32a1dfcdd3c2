package org.shequn.community.view;

import java.util.List;

/** A community in a list (discovery). */
public record CommunityCard(long id, String slug, String name, String description, List<String> themes,
                            String coverUrl, int memberCount, int memberCap, String entryPolicy) {
}
