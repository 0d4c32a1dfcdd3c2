package org.shequn.content;

/** What a post is: a discussion, a question (提问) or a long-form article. Carried by {@link PostPublished}. */
public enum PostKind {
    DISCUSSION, QUESTION, ARTICLE;

    public boolean needsTitle() {
        return this != DISCUSSION;
    }
}
