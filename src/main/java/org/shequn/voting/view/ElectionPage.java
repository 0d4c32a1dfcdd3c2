package org.shequn.voting.view;

import java.util.List;

/** An election's page: the election, and during nomination the members one may nominate (not yet nominated). */
public record ElectionPage(String slug, String communityName, boolean archived, boolean runs, ElectionView election,
                           List<Person> nominees) {

    public record Person(long accountId, String name) {
    }
}
