package org.shequn.content;

import java.util.Optional;

/** The content module's API for other modules. */
public interface Posts {

    /** A live (not deleted) post's community and author, for modules that refer to posts. */
    Optional<PostRef> find(long postId);

    /**
     * A post that is not deleted, hidden or held ones included: for telling its author what moderators did to
     * it. Never show what this returns to anyone else.
     */
    Optional<PostRef> findForAuthor(long postId);

    /** {@code kind} is DISCUSSION, QUESTION or ARTICLE. */
    record PostRef(long postId, long communityId, long authorId, String title, PostKind kind) {
    }

    /** A live post's current text (Markdown source) for indexing; empty once it is deleted, hidden or held. */
    Optional<Text> postText(long postId);

    /** A live comment (of a live post) with its post's section, for indexing; empty once either is deleted or hidden. */
    Optional<Text> commentText(long communityId, long commentId);

    /** Ids of live posts after {@code afterId}, ascending: for rebuilding read models such as the search index. */
    java.util.List<Long> postIdsAfter(long afterId, int limit);

    /** Ids of a post's live comments, oldest first. */
    java.util.List<Long> commentIdsOf(long postId);

    /** What search indexes: {@code kind} is the post's kind (DISCUSSION, QUESTION, ARTICLE) for comments too. */
    record Text(long id, long communityId, long postId, Long sectionId, long authorId, String kind, String title,
                String body, java.time.OffsetDateTime createdAt) {
    }
}
