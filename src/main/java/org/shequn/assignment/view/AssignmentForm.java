package org.shequn.assignment.view;

import java.util.List;

/**
 * The assignment form's fields as typed (text; the use case judges them), also what the edit form starts from.
 * {@code dueAt} is a wall-clock {@code yyyy-MM-ddTHH:mm}; {@code reviewerIds} account ids chosen from the members.
 */
public record AssignmentForm(String title, String description, String dueAt, String zone, String remindHoursBefore,
                             String acceptsLate, List<String> reviewerIds, String maxScore) {

    public AssignmentForm {
        reviewerIds = reviewerIds == null ? List.of() : List.copyOf(reviewerIds);
    }

    public boolean late() {
        return "true".equals(acceptsLate) || "on".equals(acceptsLate);
    }

    public boolean hasReviewer(long accountId) {
        return reviewerIds.contains(String.valueOf(accountId));
    }

    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
