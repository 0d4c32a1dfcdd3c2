package org.shequn.content.view;

import java.util.List;

/** Every version of a post, oldest first. */
public record PostHistory(long postId, String slug, String communityName, boolean runs, String title,
                          List<PostVersion> versions) {
}
