package org.shequn.subgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.shared.Rejection;

class SplitPlanTest {

    static List<SplitPlan.Candidate> people(String... cities) {
        var list = new ArrayList<SplitPlan.Candidate>();
        for (int i = 0; i < cities.length; i++) {
            list.add(new SplitPlan.Candidate(i + 1, "成员" + (i + 1), cities[i], 0));
        }
        return list;
    }

    static List<SplitPlan.Candidate> active(List<SplitPlan.Candidate> people, long... ids) {
        return people.stream().map(c -> {
            for (long id : ids) {
                if (id == c.accountId()) {
                    return new SplitPlan.Candidate(c.accountId(), c.displayName(), c.key(), 10 + (int) id);
                }
            }
            return c;
        }).toList();
    }

    @Test
    void sizesStayWithinOneOfEachOther() {
        for (int n = 2; n <= 40; n++) {
            for (int size = 2; size <= n; size++) {
                var cities = new String[n];
                java.util.Arrays.fill(cities, "");
                var plan = SplitPlan.of(people(cities), size, SplitBasis.MIXED);
                var sizes = plan.groups().stream().mapToInt(g -> g.members().size()).summaryStatistics();
                assertThat(sizes.getMax() - sizes.getMin()).as("n=%d size=%d", n, size).isLessThanOrEqualTo(1);
                assertThat(sizes.getMax()).isLessThanOrEqualTo(size);
                assertThat(sizes.getSum()).isEqualTo(n);
            }
        }
    }

    @Test
    void byCityMembersOfOneCitySitTogetherAndEveryGroupGetsAnActiveMember() {
        var members = active(people("上海", "上海", "上海", "上海", "北京", "北京", "北京", "北京", "深圳", "深圳", "深圳", "深圳"),
                1, 2, 3);
        var plan = SplitPlan.of(members, 4, SplitBasis.CITY);
        assertThat(plan.groups()).hasSize(3);
        assertThat(plan.groups()).extracting(SplitPlan.Group::name).containsExactlyInAnyOrder("上海", "北京", "深圳");
        // the three active members all lived in Shanghai: two were spread to the other groups, and lead them
        assertThat(plan.groups()).allSatisfy(g -> assertThat(g.leader().activity()).isPositive());
        assertThat(plan.groups().stream().map(g -> g.leader().accountId()).toList()).containsExactlyInAnyOrder(1L, 2L, 3L);
        // each group is still mostly its city: the Shanghai group swapped two of its people for the two it gave
        assertThat(plan.groups()).allSatisfy(g -> assertThat(g.members().stream()
                .filter(m -> m.key().equals(g.name())).count()).isGreaterThanOrEqualTo(2));
        assertThat(plan.groups().stream().filter(g -> !g.name().equals("上海")))
                .allSatisfy(g -> assertThat(g.members().stream().filter(m -> m.key().equals(g.name()))).hasSize(3));
    }

    @Test
    void mixedDealsTheMostActiveOneToEachGroup() {
        var members = active(people("上海", "上海", "上海", "北京", "北京", "北京", "深圳", "深圳", "深圳"), 4, 5, 6);
        var plan = SplitPlan.of(members, 3, SplitBasis.MIXED);
        assertThat(plan.groups()).allSatisfy(g -> assertThat(g.members().stream().filter(m -> m.activity() > 0)).hasSize(1));
        assertThat(plan.groups()).extracting(SplitPlan.Group::name).containsOnly("");
    }

    @Test
    void aGroupLargerThanTheCommunityOrSmallerThanTwoIsRefused() {
        assertThatThrownBy(() -> SplitPlan.of(people("a", "b", "c"), 4, SplitBasis.CITY)).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).fieldProblems().getFirst().message()).isEqualTo("subgroup.split.tooLarge"));
        assertThatThrownBy(() -> SplitPlan.of(people("a", "b", "c"), 1, SplitBasis.CITY)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> SplitPlan.of(people("a", "b", "c"), null, SplitBasis.CITY)).isInstanceOf(Rejection.class);
    }
}
