package org.shequn.todo.view;

import java.time.OffsetDateTime;

/** A question addressed to me that I have not answered, and where it was asked. */
public record AwaitedQuestion(long postId, String slug, String communityName, String title, long askerId,
                              String askerName, OffsetDateTime askedAt) {

    public String link() {
        return "/c/" + slug + "/posts/" + postId;
    }
}
