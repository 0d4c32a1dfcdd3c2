package org.shequn.assignment.view;

import java.time.OffsetDateTime;
import java.util.List;

/** One member's submission: its text, images and file; whether it came late; its score and the reviewer's comment. */
public record SubmissionView(long id, long assignmentId, long accountId, String displayName, String avatarUrl,
                             String body, String bodyHtml, List<String> imageUrls, Attachment file,
                             OffsetDateTime submittedAt, OffsetDateTime revisedAt, boolean late, Integer score,
                             Integer maxScore, String comment, String commentHtml, String reviewerName,
                             OffsetDateTime reviewedAt, boolean featured) {

    /** The one file, downloaded under its (sanitized) name. */
    public record Attachment(String name, long size, String url) {

        public String sizeText() {
            return size >= 1024 * 1024 ? String.format("%.1f MB", size / 1048576.0)
                    : Math.max(1, size / 1024) + " KB";
        }
    }

    public boolean scored() {
        return score != null;
    }

    public boolean reviewed() {
        return reviewedAt != null;
    }
}
