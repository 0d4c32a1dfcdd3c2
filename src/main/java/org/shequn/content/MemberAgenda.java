package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What content holds for one member across their communities: questions addressed to them that they have not yet
 * answered, and how many posts others wrote since they last opened each feed. For the to-do centre and the home
 * page; the caller passes only communities the member belongs to. Also how far a new community has come in content
 * (its owner's checklist).
 */
public interface MemberAgenda {

    /**
     * Visible questions addressed to {@code accountId}, with no accepted answer and no comment of theirs, newest first.
     */
    List<AwaitedQuestion> questionsAwaiting(long accountId, Collection<Long> communityIds, int limit);

    /** Per community, visible posts by others since the member's last visit to its feed (all, if never), up to {@code cap}. */
    Map<Long, Integer> newPosts(long accountId, Collection<Long> communityIds, int cap);

    /** A new community's first steps in content, for its checklist: whether it has a section, and a post. */
    record Started(boolean section, boolean post) {
    }

    Started started(long communityId);

    record AwaitedQuestion(long postId, long communityId, long askerId, String title, OffsetDateTime askedAt) {
    }
}
