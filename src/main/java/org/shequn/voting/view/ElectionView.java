package org.shequn.voting.view;

import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.voting.ElectionPhase;

/**
 * An election as a member sees it in its phase. {@code onRoll} is null until the roll is fixed (voting opens);
 * {@code result} is null until the count is published. What the viewer may do: nominate (during nomination),
 * accept their own nominations, vote (on the roll, not yet voted, during voting). {@code subgroupId} and
 * {@code scopeName}: the sub-group whose leader it elects (选举组长), null for an election of core members.
 */
public record ElectionView(long id, String title, String details, int seats, int minMemberDays, int termDays,
                           ElectionPhase phase, OffsetDateTime createdAt, OffsetDateTime votingOpensAt,
                           OffsetDateTime votingClosesAt, OffsetDateTime termEndsAt, boolean termEnded,
                           List<Candidate> candidates, Integer rollSize, Integer votedCount, Boolean onRoll,
                           boolean voted, boolean mayNominate, boolean mayVote, Result result, Long subgroupId,
                           String scopeName) {

    /** A sub-group electing its leader, not the community electing core members. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean leaderElection() {
        return subgroupId != null;
    }

    /**
     * A nominee; {@code accepted}: they agreed to stand; {@code standing}: on the ballot (accepted, and on the roll
     * once it is fixed); {@code mine}: the viewer is this nominee.
     */
    public record Candidate(long id, long accountId, String name, String statement, String nominatedBy,
                            boolean accepted, boolean standing, boolean mine, Integer electedRank) {
    }

    /** The published count: the elected in order, each round's loads, every ballot by receipt code. */
    public record Result(List<String> elected, int ballots, List<Round> rounds, List<Ballot> ballotList,
                         int emptySeats) {
    }

    public record Round(int number, String elected, String load, String loadDecimal, List<Offer> offers) {
    }

    /** What a candidate's election in this round would have loaded their approvers with. */
    public record Offer(String candidate, int approvals, String load, String loadDecimal, boolean elected) {
    }

    public record Ballot(String receipt, List<String> approved) {
    }

    public List<Candidate> standingCandidates() {
        return candidates.stream().filter(Candidate::standing).toList();
    }
}
