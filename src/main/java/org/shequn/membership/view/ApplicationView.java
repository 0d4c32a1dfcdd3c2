package org.shequn.membership.view;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An application as the owner, the admins and the applicant see it. {@code reason} is set for a rejection;
 * {@code applicant} is who they say they are (their public profile card), so an owner decides knowing who asks.
 */
public record ApplicationView(long id, long accountId, String applicantName, String status, OffsetDateTime createdAt,
                              List<AnswerView> answers, String reason, OffsetDateTime decidedAt, Applicant applicant) {

    /** What the applicant's profile shows of them; fields are empty strings when not filled in. */
    public record Applicant(String avatarUrl, String position, String company, String city, boolean realNameVerified,
                            boolean positionVerified) {

        public static final Applicant UNKNOWN = new Applicant(null, "", "", "", false, false);

        /** "产品经理 @ 腾讯" as the directory writes it, or whichever half is known. */
        public String work() {
            if (!position.isEmpty() && !company.isEmpty()) {
                return position + " @ " + company;
            }
            return position.isEmpty() ? company : position;
        }
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public boolean rejected() {
        return "REJECTED".equals(status);
    }
}
