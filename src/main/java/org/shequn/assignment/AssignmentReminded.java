package org.shequn.assignment;

import java.time.Instant;
import java.util.List;

/** The reminder before an assignment's due time went out to exactly {@code accountIds}, who had not handed in. */
public record AssignmentReminded(long communityId, long assignmentId, String title, Instant dueAt, List<Long> accountIds) {

    public AssignmentReminded {
        accountIds = List.copyOf(accountIds);
    }
}
