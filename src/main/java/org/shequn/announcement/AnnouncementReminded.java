package org.shequn.announcement;

import java.util.List;

/**
 * The one reminder about an announcement: {@code unreadIds} are the members who had not read it when it was sent
 * (the receipts of that moment), and only they are told.
 */
public record AnnouncementReminded(long announcementId, long communityId, long byAccountId, String title,
                                   List<Long> unreadIds) {

    public AnnouncementReminded {
        unreadIds = List.copyOf(unreadIds);
    }
}
