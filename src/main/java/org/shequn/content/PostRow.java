package org.shequn.content;

import org.shequn.membership.Scope;
import org.shequn.membership.Standing;
import java.time.OffsetDateTime;
import java.util.List;

record PostRow(long id, long communityId, Long sectionId, long authorId, String kind, String title, String body,
               String tags, int commentCount, OffsetDateTime pinnedAt, OffsetDateTime featuredAt,
               OffsetDateTime createdAt, OffsetDateTime editedAt, OffsetDateTime deletedAt,
               OffsetDateTime hiddenAt, Long hiddenBy, int reactionCount, Long subgroupId) {

    /** The whole community's post. */
    PostRow(long id, long communityId, Long sectionId, long authorId, String kind, String title, String body,
            String tags, int commentCount, OffsetDateTime pinnedAt, OffsetDateTime featuredAt,
            OffsetDateTime createdAt, OffsetDateTime editedAt, OffsetDateTime deletedAt,
            OffsetDateTime hiddenAt, Long hiddenBy, int reactionCount) {
        this(id, communityId, sectionId, authorId, kind, title, body, tags, commentCount, pinnedAt, featuredAt,
                createdAt, editedAt, deletedAt, hiddenAt, hiddenBy, reactionCount, null);
    }

    ContentState state() {
        return ContentState.of(deletedAt, hiddenAt, hiddenBy);
    }

    boolean hidden() {
        return hiddenAt != null;
    }

    /** Held by a banned word until a moderator approves it (hidden by nobody). */
    boolean held() {
        return hiddenAt != null && hiddenBy == null;
    }

    /** Owners and admins see hidden posts; a held post's author sees it too (pending review). */
    boolean visibleTo(Standing seat) {
        return !deleted() && (!hidden() || seat.runs() || (held() && authorId == seat.accountId()))
                && scope().visibleTo(seat);
    }

    /** The whole community's, or one sub-group's (seen by its members and the runners only). */
    Scope scope() {
        return Scope.of(subgroupId);
    }

    List<String> tagList() {
        return tags == null || tags.isEmpty() ? List.of() : List.of(tags.split("\n"));
    }

    boolean deleted() {
        return deletedAt != null;
    }
}
