/**
 * Announcements (公告) with read receipts: a community's owner and admins publish, edit and withdraw them; each
 * stays above a member's feed until that member has read it (marked it, or opened its page); those who run the
 * community see who has read it and who has not, and may remind the rest once. Publishing and the reminder are
 * announced ({@link org.shequn.announcement.AnnouncementPublished}, {@link org.shequn.announcement.AnnouncementReminded})
 * and the notification module turns them into inbox items. It implements content's
 * {@link org.shequn.content.FeedNotices}, so the feed shows the unread ones without content depending on this
 * module. Every check goes through the membership gate. The {@code web} sub-package holds its HTTP endpoints and
 * pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Announcements",
        allowedDependencies = {"community", "content", "membership", "profile", "shared"})
package org.shequn.announcement;
