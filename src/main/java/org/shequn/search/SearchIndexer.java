package org.shequn.search;

import org.shequn.content.CommentAdded;
import org.shequn.content.CommentRemoved;
import org.shequn.moderation.ModerationDecided;
import org.shequn.content.PostEdited;
import org.shequn.content.PostPublished;
import org.shequn.content.PostRemoved;
import org.shequn.content.Posts;
import org.shequn.shared.text.Markdown;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index current from the content module's events: after commit, from the outbox, so a crash is
 * retried; new comments in their writer's transaction instead (ADR 9). Every listener re-reads the current
 * text and rewrites the document, so a repeated or late event is harmless: a deleted post or comment is never
 * indexed again.
 */
@Component
class SearchIndexer {

    static final String POST = "POST";
    static final String COMMENT = "COMMENT";


    private final SearchStore store;
    private final Posts posts;

    SearchIndexer(SearchStore store, Posts posts) {
        this.store = store;
        this.posts = posts;
    }

    @ApplicationModuleListener
    void on(PostPublished published) {
        store.lockPost(published.postId());
        indexPost(published.postId());
    }

    @ApplicationModuleListener
    void on(PostEdited edited) {
        store.lockPost(edited.postId());
        indexPost(edited.postId());
    }

    @ApplicationModuleListener
    void on(PostRemoved removed) {
        store.lockPost(removed.postId());
        store.removePost(removed.postId());
    }

    /**
     * A comment, the most frequent write, is indexed inside the transaction that writes it (ADR 9): it is
     * short, so this costs the writer about a millisecond, and saves an outbox row, its bookkeeping and a
     * second transaction per comment; the comment and its index entry commit or roll back together.
     */
    @EventListener
    void on(CommentAdded added) {
        store.lockPost(added.postId());
        indexComment(added.communityId(), added.commentId());
    }

    /** Hidden content leaves the index at once; restored or approved content comes back with its comments. */
    @ApplicationModuleListener
    void on(ModerationDecided decided) {
        // From the content's state now, not from the decision: a hide and a restore of one post heard out of
        // order still leave the index as the post is.
        switch (decided.action()) {
            case POST_HIDDEN, POST_DELETED, POST_RESTORED, POST_APPROVED -> {
                store.lockPost(decided.postId());
                reindexPost(decided.postId());
            }
            case COMMENT_HIDDEN, COMMENT_DELETED, COMMENT_RESTORED, COMMENT_APPROVED -> {
                store.lockPost(decided.postId());
                indexComment(decided.communityId(), decided.commentId());
            }
            case MUTED, UNMUTED -> {
            }
        }
    }

    /** The post and every live comment of it, from their current text. */
    void reindexPost(long postId) {
        indexPost(postId);
        var text = posts.postText(postId).orElse(null);
        if (text != null) {
            for (long commentId : posts.commentIdsOf(postId)) {
                indexComment(text.communityId(), commentId);
            }
        }
    }

    void indexComment(long communityId, long commentId) {
        var text = posts.commentText(communityId, commentId).orElse(null);
        if (text == null) {
            store.remove(COMMENT, commentId);
            return;
        }
        var body = plain(text.body());
        store.put(new SearchStore.Document(text.communityId(), COMMENT, text.id(), text.postId(), text.kind(),
                text.sectionId(), text.authorId(), text.title(), body, text.createdAt()),
                ChineseTokenizer.frequencies(body), java.util.Map.of());
    }

    @ApplicationModuleListener
    void on(CommentRemoved removed) {
        store.lockPost(removed.postId());
        store.remove(COMMENT, removed.commentId());
    }

    void indexPost(long postId) {
        var text = posts.postText(postId).orElse(null);
        if (text == null) {
            store.removePost(postId);
            return;
        }
        var body = plain(text.body());
        store.put(new SearchStore.Document(text.communityId(), POST, text.id(), text.postId(), text.kind(),
                text.sectionId(), text.authorId(), text.title(), body, text.createdAt()),
                ChineseTokenizer.frequencies(body), ChineseTokenizer.frequencies(text.title()));
    }

    /** Markdown source to readable text, at most as long as a document may be. */
    static String plain(String markdown) {
        var text = Markdown.plainText(markdown);
        return text.length() > 20000 ? text.substring(0, 20000) : text;
    }
}
