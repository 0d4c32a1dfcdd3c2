package org.shequn.content;

import java.util.Optional;

/** The content module's API for other modules. */
public interface Posts {

    /** A live (not deleted) post's community and author, for modules that refer to posts. */
    Optional<PostRef> find(long postId);

    record PostRef(long postId, long communityId, long authorId, String title) {
    }
}
