package org.shequn.todo.view;

import java.time.LocalDate;
import java.util.List;

/**
 * One community's to-do centre, as its owner or an admin sees it. Counts stop at 100 ({@link #shown} says 99+).
 * {@code weeks} is the member count at the end of each of the last twelve weeks, oldest first (this week: now).
 */
public record CommunityToDo(String slug, String name, boolean archived, int members, int memberCap,
                            int pendingApplications, List<Person> applicants, int openReports, int heldPosts,
                            int heldComments, List<AwaitedQuestion> questions, int newThisWeek,
                            List<Person> newcomers, List<Week> weeks, Checklist checklist) {

    public record Week(LocalDate monday, int members) {
    }

    /** A new community's first steps; the page shows them until all four are done. */
    public record Checklist(boolean rules, boolean section, boolean invited, boolean posted) {

        public boolean done() {
            return rules && section && invited && posted;
        }

        public int count() {
            return (rules ? 1 : 0) + (section ? 1 : 0) + (invited ? 1 : 0) + (posted ? 1 : 0);
        }
    }

    /** Nothing waits: the page says so instead of a row of zeros. */
    public boolean clear() {
        return pendingApplications == 0 && openReports == 0 && heldPosts == 0 && heldComments == 0 && questions.isEmpty();
    }

    public int held() {
        return heldPosts + heldComments;
    }

    public static String shown(int count) {
        return count >= 100 ? "99+" : Integer.toString(count);
    }

    /** The member count as an SVG polyline in a 240 × 60 box (bottom = the smallest count shown, top = the largest). */
    public String chartPoints() {
        int min = weeks.stream().mapToInt(Week::members).min().orElse(0);
        int max = weeks.stream().mapToInt(Week::members).max().orElse(0);
        var points = new StringBuilder();
        for (int i = 0; i < weeks.size(); i++) {
            double x = weeks.size() == 1 ? 120 : 4 + i * (232.0 / (weeks.size() - 1));
            double y = max == min ? 30 : 56 - (weeks.get(i).members() - min) * (52.0 / (max - min));
            points.append(i == 0 ? "" : " ").append(Math.round(x * 10) / 10.0).append(',').append(Math.round(y * 10) / 10.0);
        }
        return points.toString();
    }

    public int weekChange() {
        return weeks.size() < 2 ? 0 : weeks.getLast().members() - weeks.get(weeks.size() - 2).members();
    }
}
