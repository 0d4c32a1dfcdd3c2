package org.shequn.content;

/** An owner or admin pinned / unpinned or featured / unfeatured (精华) a post. */
public record PostCurated(long postId, long communityId, long authorId, long byAccountId, Mark mark, boolean on) {

    public enum Mark { PINNED, FEATURED }
}
