package org.shequn.checkin.view;

import java.util.List;

/** A community's challenges page. */
public record ChallengeList(String slug, String communityName, boolean archived, boolean runs,
                            List<ChallengeView> challenges) {

    public boolean mayCreate() {
        return runs && !archived;
    }
}
