package org.shequn.announcement.view;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Who of the community's members (as they are now) has read an announcement and who has not. {@code remindedAt}
 * is when the one reminder went out (null before); {@code mayRemind}: it may be sent now.
 */
public record Receipts(long announcementId, int readCount, int unreadCount, List<Reader> read, List<Reader> unread,
                       OffsetDateTime remindedAt, boolean mayRemind) {

    /** A member in either list; {@code readAt} is null in the unread one, {@code avatarUrl} null without a picture. */
    public record Reader(long accountId, String name, String avatarUrl, OffsetDateTime readAt) {
    }
}
