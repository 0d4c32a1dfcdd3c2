package org.shequn.voting.view;

import java.util.List;

/** A community's polls, newest first; {@code mayOpen}: the viewer may open one (and the community is not archived). */
public record PollList(String slug, String communityName, boolean archived, boolean runs, boolean mayOpen,
                       List<PollView> items) {
}
