package org.shequn.voting;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Sequential Phragmén (Phragmén 1894; Janson 2016): seats are filled one at a time; each seat is a load of 1 that
 * its approvers share so that they all end up carrying the same total load; the seat goes to the candidate whose
 * election leaves their approvers with the smallest load. A coherent minority of about 1/k of the voters carries
 * one seat as lightly as a majority carries its second, so it wins its share instead of the majority taking all.
 *
 * <p>Exact arithmetic ({@link Rational}). Ties, published on the election page: the lower new load wins; among
 * equal loads, the candidate with more approvals; then the one nominated earlier (lower index: candidates are given
 * in nomination order). Candidates nobody approved are never elected: their seats stay empty.
 *
 * <p>Pure: no database, no clock. A voter's load after each round is one of the round's loads (or 0), so a
 * candidate's sum is counted by round rather than by adding a fraction per approver: the 500 × 50 × 10 count
 * takes a few milliseconds.
 */
public final class PhragmenCount {

    /** One candidate's new load had it been elected in this round (and its approvals). */
    public record Offer(int candidate, int approvals, Rational load) {
    }

    /** A round: what each candidate still in the running offered, and who was elected with which load. */
    public record Round(int number, int elected, Rational load, List<Offer> offers) {
    }

    /** The elected in order of election, and every round. */
    public record Result(List<Integer> elected, List<Round> rounds) {
    }

    private PhragmenCount() {
    }

    /**
     * Counts approval ballots: each ballot lists candidate indices in {@code [0, candidates)}; {@code seats} at most.
     * Ballots naming an index outside the range are a programming error (the use case refuses them first).
     */
    public static Result count(int candidates, List<int[]> ballots, int seats) {
        if (candidates < 0 || seats < 0) {
            throw new IllegalArgumentException("negative count");
        }
        int voters = ballots.size();
        // approvers per candidate, as ballot indices
        var approvers = new ArrayList<int[]>(candidates);
        int[] approvals = new int[candidates];
        for (int[] ballot : ballots) {
            var seen = new BitSet(candidates);
            for (int c : ballot) {
                if (c < 0 || c >= candidates) {
                    throw new IllegalArgumentException("no candidate " + c);
                }
                if (!seen.get(c)) {
                    seen.set(c);
                    approvals[c]++;
                }
            }
        }
        int[][] byCandidate = new int[candidates][];
        int[] filled = new int[candidates];
        for (int c = 0; c < candidates; c++) {
            byCandidate[c] = new int[approvals[c]];
        }
        for (int b = 0; b < voters; b++) {
            var seen = new BitSet(candidates);
            for (int c : ballots.get(b)) {
                if (!seen.get(c)) {
                    seen.set(c);
                    byCandidate[c][filled[c]++] = b;
                }
            }
        }
        for (int c = 0; c < candidates; c++) {
            approvers.add(byCandidate[c]);
        }
        // voterRound[b]: the round whose load the voter carries now (-1: none yet); roundLoads[r]: that load
        int[] voterRound = new int[voters];
        java.util.Arrays.fill(voterRound, -1);
        var roundLoads = new ArrayList<Rational>();
        var elected = new ArrayList<Integer>();
        var isElected = new boolean[candidates];
        var rounds = new ArrayList<Round>();
        for (int seat = 0; seat < seats; seat++) {
            var offers = new ArrayList<Offer>();
            Offer best = null;
            int[] perRound = new int[roundLoads.size()];
            for (int c = 0; c < candidates; c++) {
                if (isElected[c] || approvals[c] == 0) {
                    continue;
                }
                java.util.Arrays.fill(perRound, 0);
                for (int b : approvers.get(c)) {
                    if (voterRound[b] >= 0) {
                        perRound[voterRound[b]]++;
                    }
                }
                var sum = Rational.ONE;
                for (int r = 0; r < perRound.length; r++) {
                    if (perRound[r] > 0) {
                        sum = sum.plus(roundLoads.get(r).times(perRound[r]));
                    }
                }
                var offer = new Offer(c, approvals[c], sum.dividedBy(approvals[c]));
                offers.add(offer);
                if (best == null || better(offer, best)) {
                    best = offer;
                }
            }
            if (best == null) {
                break;
            }
            int round = roundLoads.size();
            roundLoads.add(best.load());
            for (int b : approvers.get(best.candidate())) {
                voterRound[b] = round;
            }
            isElected[best.candidate()] = true;
            elected.add(best.candidate());
            rounds.add(new Round(round + 1, best.candidate(), best.load(), List.copyOf(offers)));
        }
        return new Result(List.copyOf(elected), List.copyOf(rounds));
    }

    /** The published tie-break: lower load, then more approvals, then earlier nomination. */
    static boolean better(Offer a, Offer b) {
        int byLoad = a.load().compareTo(b.load());
        if (byLoad != 0) {
            return byLoad < 0;
        }
        if (a.approvals() != b.approvals()) {
            return a.approvals() > b.approvals();
        }
        return a.candidate() < b.candidate();
    }
}
