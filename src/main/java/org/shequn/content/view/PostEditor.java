package org.shequn.content.view;

import java.util.List;

/** The new-post / edit form: the values typed so far and the sections the viewer may post in. */
public record PostEditor(String slug, String communityName, Long postId, String kind, Long sectionId, String title,
                         String body, String tags, List<SectionView> sections) {
}
