package org.shequn.announcement;

/** An owner or admin published an announcement: the community's members have something to read. */
public record AnnouncementPublished(long announcementId, long communityId, long authorId, String title) {
}
