package org.shequn.subgroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shequn.shared.Rejection;

/**
 * An automatic split of a community into sub-groups of a chosen size: as many groups as the size needs, their sizes
 * within one of each other. By city or industry, members sharing one sit together (the largest first); mixed, they
 * are dealt round so each group holds a spread. Either way the most active members are spread so that every group
 * has one, its leader candidate, while there are enough active members to go round. A proposal: the owner adjusts it
 * before it is applied.
 */
public record SplitPlan(SplitBasis basis, int size, List<Group> groups) {

    public static final int MAX_SIZE = 500;

    /** A member as the split sees them: the value it goes by ("" when unknown) and how active they have been. */
    public record Candidate(long accountId, String displayName, String key, int activity) {
    }

    /** {@code name}: the shared value for a city or industry group ("上海"), or "" for a mixed one. */
    public record Group(String name, List<Candidate> members, Candidate leader) {
    }

    public static SplitPlan of(List<Candidate> members, Integer size, SplitBasis basis) {
        if (size == null || size < 2 || size > MAX_SIZE) {
            throw Rejection.invalid("size", "subgroup.split.size", MAX_SIZE);
        }
        if (size > members.size()) {
            throw Rejection.invalid("size", "subgroup.split.tooLarge", members.size());
        }
        int n = members.size();
        int k = (n + size - 1) / size;
        var bins = new ArrayList<List<Candidate>>();
        for (int i = 0; i < k; i++) {
            bins.add(new ArrayList<>());
        }
        var byActivity = Comparator.comparingInt(Candidate::activity).reversed().thenComparingLong(Candidate::accountId);
        if (basis == SplitBasis.MIXED) {
            // snake order (0..k-1, k-1..0, ...): sizes within one, and each group gets one of the k most active
            var ordered = members.stream().sorted(byActivity).toList();
            for (int i = 0; i < n; i++) {
                int round = i / k, at = i % k;
                bins.get(round % 2 == 0 ? at : k - 1 - at).add(ordered.get(i));
            }
        } else {
            var count = new HashMap<String, Integer>();
            members.forEach(m -> count.merge(m.key(), 1, Integer::sum));
            // the largest shared value first, unknown last, so the cuts fall inside as few values as can be
            var ordered = members.stream().sorted(Comparator
                    .comparing((Candidate m) -> m.key().isEmpty())
                    .thenComparing(m -> -count.get(m.key()))
                    .thenComparing(Candidate::key)
                    .thenComparing(byActivity)).toList();
            int at = 0;
            for (int i = 0; i < k; i++) {
                int wanted = n / k + (i < n % k ? 1 : 0);
                bins.get(i).addAll(ordered.subList(at, at + wanted));
                at += wanted;
            }
            spreadActive(bins);
        }
        var groups = new ArrayList<Group>();
        for (var bin : bins) {
            var leader = bin.stream().min(byActivity).orElseThrow();
            groups.add(new Group(basis == SplitBasis.MIXED ? "" : commonest(bin), List.copyOf(bin), leader));
        }
        return new SplitPlan(basis, size, List.copyOf(groups));
    }

    /** A group without an active member swaps its last member for the second most active of a group with two. */
    private static void spreadActive(List<List<Candidate>> bins) {
        for (var poor : bins) {
            if (poor.stream().anyMatch(m -> m.activity() > 0)) {
                continue;
            }
            for (var rich : bins) {
                var active = rich.stream().filter(m -> m.activity() > 0)
                        .sorted(Comparator.comparingInt(Candidate::activity).reversed()).toList();
                if (active.size() >= 2) {
                    var given = active.get(1);
                    var taken = poor.getLast();
                    rich.set(rich.indexOf(given), taken);
                    poor.set(poor.size() - 1, given);
                    break;
                }
            }
        }
    }

    private static String commonest(List<Candidate> bin) {
        Map<String, Integer> count = new HashMap<>();
        bin.stream().filter(m -> !m.key().isEmpty()).forEach(m -> count.merge(m.key(), 1, Integer::sum));
        return count.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("");
    }
}
