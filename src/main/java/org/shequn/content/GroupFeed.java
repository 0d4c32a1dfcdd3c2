package org.shequn.content;

import org.shequn.content.view.PostCard;

import java.util.List;

/** A sub-group's own feed: its scoped posts, newest first, and the cursor of the next page (null at the end). */
public record GroupFeed(List<PostCard> posts, String next) {
}
