package org.shequn.assignment.view;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An assignment as shown: its due time as an instant ({@code dueAt}), on its own wall clock ({@code dueLocal}, in
 * {@code zone}) and as time left ({@code minutesLeft}, negative once overdue); {@code maxScore} null for comments
 * only; {@code submitted} how many have handed in.
 */
public record AssignmentView(long id, String title, String description, String descriptionHtml, OffsetDateTime dueAt,
                             String dueLocal, String zone, Integer remindHoursBefore, boolean acceptsLate,
                             Integer maxScore, List<Person> reviewers, boolean closed, boolean overdue,
                             long minutesLeft, long submitted) {

    public record Person(long accountId, String displayName) {
    }

    /** The time left in the viewer's words: a message key and its arguments. */
    public String dueInKey() {
        if (overdue) {
            return "assignment.due.over";
        }
        if (minutesLeft >= 48 * 60) {
            return "assignment.due.days";
        }
        if (minutesLeft >= 60) {
            return "assignment.due.hours";
        }
        return "assignment.due.minutes";
    }

    public long dueInAmount() {
        if (minutesLeft >= 48 * 60) {
            return minutesLeft / (24 * 60);
        }
        if (minutesLeft >= 60) {
            return minutesLeft / 60;
        }
        return Math.max(1, minutesLeft);
    }

    public boolean open() {
        return !closed;
    }
}
