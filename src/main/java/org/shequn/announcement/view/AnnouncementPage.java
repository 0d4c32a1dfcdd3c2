package org.shequn.announcement.view;

/** One announcement's page; {@code receipts} only for the owner and admins (null for everyone else). */
public record AnnouncementPage(String slug, String communityName, boolean archived, boolean runs,
                               AnnouncementView announcement, Receipts receipts) {

    /** Whether its owner or an admin may still change it. */
    public boolean editable() {
        return runs && !archived && !announcement.withdrawn();
    }
}
