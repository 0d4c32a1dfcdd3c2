package org.shequn.content.view;

import java.util.List;

/**
 * The new-post / edit form: the values typed so far and the sections the viewer may post in; for a new post the
 * members a question may be addressed to (owner first), on an edit the post's current images and attachments.
 */
public record PostEditor(String slug, String communityName, Long postId, String kind, Long sectionId, String title,
                         String body, String tags, List<SectionView> sections, Long addresseeId,
                           List<MemberChoice> addressees, List<MediaView> images, List<MediaView> attachments) {

    /** A member a question can be addressed to. */
    public record MemberChoice(long id, String name) {
    }
}
