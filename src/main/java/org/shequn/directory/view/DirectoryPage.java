package org.shequn.directory.view;

import java.util.List;
import java.util.Map;

/**
 * A page of the directory. For outsiders {@code items} is empty and {@code visible} false: they see only
 * the count and the owner. {@code facets} holds the most common values per tag kind, for the filter form.
 */
public record DirectoryPage(String slug, String communityName, boolean visible, int memberCount, long ownerId,
                            String ownerName, List<DirectoryMember> items, String next,
                            Map<String, List<String>> facets, boolean viewerRuns) {
}
