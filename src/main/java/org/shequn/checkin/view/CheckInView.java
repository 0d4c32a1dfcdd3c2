package org.shequn.checkin.view;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One check-in: whose, the day it counts for and how it was done (ON_TIME, LATE, MADE_UP), its text and images, its reviews. */
public record CheckInView(long id, long accountId, String displayName, String avatarUrl, LocalDate localDate,
                          String standing, String body, String bodyHtml, List<String> imageUrls,
                          OffsetDateTime checkedAt, boolean featured, List<Review> reviews) {

    /** 点评: a runner's reply on a check-in. */
    public record Review(long id, long reviewerId, String reviewerName, String body, String bodyHtml,
                         OffsetDateTime createdAt) {
    }
}
