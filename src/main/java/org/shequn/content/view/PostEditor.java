package org.shequn.content.view;

import java.util.List;

/**
 * The new-post / edit form: the values typed so far and the sections the viewer may post in; for a new post the
 * owner as the one-click addressee of a question (null when I am the owner) and the addressee picked so far (null:
 * anyone), on an edit the post's current images and attachments.
 */
public record PostEditor(String slug, String communityName, Long postId, String kind, Long sectionId, String title,
                         String body, String tags, List<SectionView> sections, MemberChoice owner,
                         MemberChoice addressee, List<MediaView> images, List<MediaView> attachments, boolean runs,
                         List<org.shequn.membership.Scopes.Choice> scopes, Long subgroupId) {

    /** The picked addressee is someone other than the owner (shown as the "other member" choice). */
    public boolean addresseeIsOther() {
        return addressee != null && (owner == null || owner.id() != addressee.id());
    }

    public boolean addresseeIsOwner() {
        return addressee != null && owner != null && owner.id() == addressee.id();
    }

    /** A member a question can be addressed to. */
    public record MemberChoice(long id, String name) {
    }
}
