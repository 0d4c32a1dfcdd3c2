package org.shequn.content.view;

import java.util.List;

/** One page of a community's or a section's feed ({@code view}: latest, hot or featured; {@code tag}: the filter or null); pinned posts on the first page of latest; {@code communityId} for what the page adds around it. */
public record FeedPage(String slug, String communityName, boolean archived, String view, Long sectionId,
                       List<SectionView> sections, List<PostCard> pinned, List<PostCard> items, String next,
                       boolean canPost, boolean owner, String tag, boolean runs, long communityId) {
}
