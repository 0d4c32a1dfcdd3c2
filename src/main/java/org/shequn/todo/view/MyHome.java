package org.shequn.todo.view;

import java.util.List;

/**
 * The signed-in home page: my communities (those I run first) with how many posts are new in each since my last
 * visit, the work waiting in those I run, and questions addressed to me.
 */
public record MyHome(String displayName, List<Mine> communities, List<AwaitedQuestion> questions) {

    /** {@code work} is null where I do not run the community. */
    public record Mine(String slug, String name, String coverUrl, String role, int members, int newPosts, Work work) {
    }

    public record Work(int pendingApplications, int openReports, int held, int newThisWeek) {

        public int total() {
            return pendingApplications + openReports + held;
        }
    }

    public int waiting() {
        return communities.stream().filter(m -> m.work() != null).mapToInt(m -> m.work().total()).sum()
                + questions.size();
    }
}
