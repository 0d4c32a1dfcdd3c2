package org.shequn.membership.view;

import java.time.OffsetDateTime;
import java.util.List;

/** An application as the owner, the admins and the applicant see it. {@code reason} is set for a rejection. */
public record ApplicationView(long id, long accountId, String applicantName, String status, OffsetDateTime createdAt,
                              List<AnswerView> answers, String reason, OffsetDateTime decidedAt) {

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public boolean rejected() {
        return "REJECTED".equals(status);
    }
}
