package org.shequn.content.view;

/** A member the @ autocomplete offers; {@code token} is the text the editor inserts. */
public record MentionSuggestion(long accountId, String displayName, String token) {
}
