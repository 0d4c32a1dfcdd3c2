package org.shequn.assignment.view;

import java.util.List;

/**
 * Who has and who has not handed in (the community's members minus those who did), with the counts; the lists
 * are cut at {@code shown} names each, the counts are whole.
 */
public record Roster(long members, long submitted, long notSubmitted, long scored, long late, List<Entry> handedIn,
                     List<Entry> missing) {

    public record Entry(long accountId, String displayName, boolean late, boolean scored) {
    }
}
