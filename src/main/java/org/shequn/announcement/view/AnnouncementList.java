package org.shequn.announcement.view;

import java.util.List;

/** A community's announcements, newest first, with the viewer's read flags; {@code mayPublish}: owner or admin, not archived. */
public record AnnouncementList(String slug, String communityName, boolean archived, boolean runs, boolean mayPublish,
                               List<AnnouncementView> items) {
}
