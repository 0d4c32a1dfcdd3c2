import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.shequn.voting.PhragmenCount;

/**
 * The election count at the size: 500 voters, 50 candidates, 10 seats, sequential Phragmén with exact
 * fractions. Prints the median and worst of RUNS counts beside a trivial baseline measured in the same run (the
 * same ballots tallied into approval counts, what block approval does), so a slow machine shows in both.
 */
public class ElectionCount {

    public static void main(String[] args) {
        int voters = Integer.getInteger("voters", 500), candidates = Integer.getInteger("candidates", 50);
        int seats = Integer.getInteger("seats", 10), runs = Integer.getInteger("runs", 9);
        var random = new Random(14);
        var ballots = new ArrayList<int[]>();
        for (int v = 0; v < voters; v++) {
            ballots.add(random.ints(1 + random.nextInt(10), 0, candidates).distinct().toArray());
        }
        for (int i = 0; i < 3; i++) { // warm-up
            PhragmenCount.count(candidates, ballots, seats);
            tally(candidates, ballots);
        }
        long[] count = new long[runs], baseline = new long[runs];
        List<Integer> elected = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            tally(candidates, ballots);
            long t1 = System.nanoTime();
            elected = PhragmenCount.count(candidates, ballots, seats).elected();
            long t2 = System.nanoTime();
            baseline[i] = t1 - t0;
            count[i] = t2 - t1;
        }
        System.out.printf("election count: %d voters, %d candidates, %d seats, %d runs%n", voters, candidates, seats, runs);
        System.out.printf("  sequential Phragmén   median %8.3f ms   max %8.3f ms   (target < 1000 ms)%n",
                median(count) / 1e6, Arrays.stream(count).max().orElse(0) / 1e6);
        System.out.printf("  baseline (tally)      median %8.3f ms   max %8.3f ms%n",
                median(baseline) / 1e6, Arrays.stream(baseline).max().orElse(0) / 1e6);
        System.out.println("  elected (candidate indices, in order): " + elected);
    }

    static int[] tally(int candidates, List<int[]> ballots) {
        int[] approvals = new int[candidates];
        for (int[] ballot : ballots) {
            for (int c : ballot) {
                approvals[c]++;
            }
        }
        return approvals;
    }

    static double median(long[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
