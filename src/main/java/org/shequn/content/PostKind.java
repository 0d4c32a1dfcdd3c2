package org.shequn.content;

/** What a post is: a discussion, a question (提问) or a long-form article. */
enum PostKind {
    DISCUSSION, QUESTION, ARTICLE;

    boolean needsTitle() {
        return this != DISCUSSION;
    }
}
