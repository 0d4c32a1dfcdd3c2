package org.shequn.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sequential Phragmén against published worked examples (Lackner and Skowron, "Multi-Winner Voting with Approval
 * Preferences", Examples 1/9 and 12, as printed by the abcvoting library's expected outputs), recomputed by hand
 * in the comments; the minority a majority-takes-all count would shut out; the tie-break rule; and the speed.
 */
class PhragmenCountTest {

    static final int A = 0, B = 1, C = 2, D = 3, E = 4, F = 5, G = 6;

    static List<int[]> times(int n, int... ballot) {
        var out = new ArrayList<int[]>();
        for (int i = 0; i < n; i++) {
            out.add(ballot);
        }
        return out;
    }

    @SafeVarargs
    static List<int[]> profile(List<int[]>... parts) {
        var out = new ArrayList<int[]>();
        for (var p : parts) {
            out.addAll(p);
        }
        return out;
    }

    @Test
    void example9OfTheBookTwelveVotersFourSeats() {
        // 3×{a,b} 3×{a,c} 2×{a,d} 1×{b,c,f} 1×{e} 1×{f} 1×{g}
        var ballots = profile(times(3, A, B), times(3, A, C), times(2, A, D), times(1, B, C, F), times(1, E),
                times(1, F), times(1, G));
        var result = PhragmenCount.count(7, ballots, 4);
        assertThat(result.elected()).containsExactly(A, B, C, D);
        // a: 8 approvers share 1 → 1/8
        // b: (1 + 3·1/8) / 4 = 11/32, tied with c (also 4 approvals: 3·1/8 + the {b,c,f} voter at 0); b was nominated first
        // c: (1 + 3·1/8 + 11/32) / 4 = 55/128;  d: (1 + 2·1/8) / 2 = 5/8
        assertThat(result.rounds()).extracting(r -> r.load().toString()).containsExactly("1/8", "11/32", "55/128", "5/8");
        var second = result.rounds().get(1).offers();
        assertThat(second).filteredOn(o -> o.candidate() == C).first().extracting(o -> o.load().toString()).isEqualTo("11/32");
    }

    @Test
    void example12OfTheBookEightVotersThreeSeats() {
        // 3×{c,d} 2×{a,b} 2×{a,c} 1×{b,d}
        var ballots = profile(times(3, C, D), times(2, A, B), times(2, A, C), times(1, B, D));
        var result = PhragmenCount.count(4, ballots, 3);
        // c: 1/5 (a 1/4, d 1/4, b 1/3); then a (1+2/5)/4 = 7/20, b 1/3, d (1+3/5)/4 = 2/5 → b;
        // then a (1 + 2/3 + 2/5)/4 = 31/60, d (1 + 3/5 + 1/3)/4 = 29/60 → d
        assertThat(result.elected()).containsExactly(C, B, D);
        assertThat(result.rounds()).extracting(r -> r.load().toString()).containsExactly("1/5", "1/3", "29/60");
        assertThat(result.rounds().get(2).offers()).extracting(o -> o.candidate() + ":" + o.load())
                .containsExactly("0:31/60", "3:29/60");
    }

    @Test
    void aCoherentMinorityOfAboutOneInKWinsASeatWhereBlockApprovalGivesTheMajorityAll() {
        // 3 seats; 70 voters approve the majority's slate x1, x2, x3; 30 (a city) approve their own y1, y2
        int x1 = 0, x2 = 1, x3 = 2, y1 = 3, y2 = 4;
        var ballots = profile(times(70, x1, x2, x3), times(30, y1, y2));
        var phragmen = PhragmenCount.count(5, ballots, 3);
        // x1 at 1/70, x2 at 2/70, then y1 at 1/30 < x3 at 3/70
        assertThat(phragmen.elected()).containsExactly(x1, x2, y1);
        assertThat(blockApproval(5, ballots, 3)).containsExactly(x1, x2, x3);
    }

    @Test
    void tiesGoToMoreApprovalsThenToTheEarlierNomination() {
        // a: {a}×1 → 1; b: {b}×2 → 1/2; c: {c}×2 → 1/2: same load, same approvals, b was nominated before c
        var ballots = profile(times(1, A), times(2, B), times(2, C));
        assertThat(PhragmenCount.count(3, ballots, 1).elected()).containsExactly(B);
        // equal loads, more approvals first: x=0, z=1, y=2; 4×{z} 2×{z,y} 2×{y} 3×{x}
        // round 1: z 1/6 (y 1/4, x 1/3); round 2: x 1/3 and y (1 + 2·1/6)/4 = 1/3: y has 4 approvals to x's 3
        int x = 0, z = 1, y = 2;
        var second = profile(times(4, z), times(2, z, y), times(2, y), times(3, x));
        var count = PhragmenCount.count(3, second, 2);
        assertThat(count.elected()).containsExactly(z, y);
        assertThat(count.rounds().get(1).offers()).extracting(o -> o.load().toString()).containsExactly("1/3", "1/3");
        assertThat(PhragmenCount.better(new PhragmenCount.Offer(5, 4, Rational.of(1, 2)),
                new PhragmenCount.Offer(1, 2, Rational.of(2, 4)))).isTrue();
        assertThat(PhragmenCount.better(new PhragmenCount.Offer(5, 2, Rational.of(1, 2)),
                new PhragmenCount.Offer(1, 2, Rational.of(2, 4)))).isFalse();
    }

    @Test
    void nobodyApprovedLeavesTheSeatEmptyAndEmptyBallotsCountForNothing() {
        var ballots = profile(times(3, A), times(2));
        var result = PhragmenCount.count(2, ballots, 2);
        assertThat(result.elected()).containsExactly(A);
        assertThat(result.rounds()).hasSize(1);
        assertThat(PhragmenCount.count(0, List.of(), 3).elected()).isEmpty();
    }

    @Test
    void fiveHundredVotersFiftyCandidatesTenSeatsCountWellUnderASecond() {
        var ballots = randomBallots(500, 50, new Random(14));
        PhragmenCount.count(50, ballots, 10); // warm up
        long start = System.nanoTime();
        var result = PhragmenCount.count(50, ballots, 10);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.elected()).hasSize(10).doesNotHaveDuplicates();
        assertThat(millis).isLessThan(1000);
    }

    static List<int[]> randomBallots(int voters, int candidates, Random random) {
        var ballots = new ArrayList<int[]>();
        for (int v = 0; v < voters; v++) {
            int size = 1 + random.nextInt(8);
            ballots.add(random.ints(size, 0, candidates).distinct().toArray());
        }
        return ballots;
    }

    /** Block approval: the k most approved, what a majority-takes-all count gives. */
    static List<Integer> blockApproval(int candidates, List<int[]> ballots, int seats) {
        int[] approvals = new int[candidates];
        ballots.forEach(b -> java.util.Arrays.stream(b).forEach(c -> approvals[c]++));
        return java.util.stream.IntStream.range(0, candidates).boxed()
                .sorted((x, y) -> approvals[y] != approvals[x] ? approvals[y] - approvals[x] : x - y)
                .limit(seats).toList();
    }
}
