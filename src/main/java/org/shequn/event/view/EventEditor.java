package org.shequn.event.view;

import java.util.List;

/** The create or edit form: {@code id} null for a new event; every field as text, as typed or as stored. */
public record EventEditor(String slug, String communityName, Long id, String title, String description, String kind,
                          String start, String end, String zone, String place, String mapUrl, String onlineUrl,
                          String linkReleasedAt, String speakerId, String capacity, boolean approval, String questions,
                          String cancelHours, String helperIds, List<Member> members, int titleMax, int descriptionMax,
                          List<org.shequn.membership.Scopes.Choice> scopes, String subgroupId) {

    /** Someone a runner may name as speaker or helper. */
    public record Member(long accountId, String displayName) {
    }
}
