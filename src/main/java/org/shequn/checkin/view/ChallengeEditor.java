package org.shequn.checkin.view;

/** The create or edit form of a challenge ({@code id} null for a new one). */
public record ChallengeEditor(String slug, String communityName, Long id, ChallengeForm form,
                              java.util.List<org.shequn.membership.Scopes.Choice> scopes) {
}
