package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.community.EntryPolicy;
import org.shequn.community.GovernanceMode;
import org.shequn.community.Visibility;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;

/** Who sees, takes part in and runs something scoped to a sub-group, without Spring. */
class ScopeTest {

    private static final long GROUP = 5;
    private static final long OTHER = 6;

    private static CommunityInfo community(GovernanceMode mode) {
        return new CommunityInfo(7, "reading", "读书会", "", List.of(), 1, 40, EntryPolicy.OPEN, false, false, true,
                List.of(), Visibility.PUBLIC, false, null, mode);
    }

    private static Standing seat(GovernanceMode mode, CommunityRole role, Long group, boolean leads) {
        return new Standing(community(mode), 42L, 3, role, false, null, null, group, leads);
    }

    private static Standing seat(CommunityRole role, Long group) {
        return seat(GovernanceMode.CENTRALIZED, role, group, false);
    }

    private static ProblemKind refusal(Runnable check) {
        try {
            check.run();
            return null;
        } catch (Rejection r) {
            return r.kind();
        }
    }

    @Test
    void theWholeCommunitysItemAddsNoRule() {
        var everyone = Scope.community();
        var member = seat(CommunityRole.MEMBER, null);
        assertThat(everyone.visibleTo(member)).isTrue();
        assertThat(everyone.takingPartBy(member)).isTrue();
        assertThat(everyone.runBy(member)).isFalse();
        assertThat(everyone.runBy(seat(CommunityRole.ADMIN, null))).isTrue();
        // a leader never runs the whole community's things, whatever the mode
        assertThat(everyone.runBy(seat(GovernanceMode.SUBGROUP, CommunityRole.MEMBER, GROUP, true))).isFalse();
        assertThat(Scope.of(null)).isEqualTo(Scope.community());
    }

    @Test
    void aGroupsItemIsSeenByItsMembersAndTheRunnersOnly() {
        var scope = Scope.of(GROUP);
        assertThat(scope.visibleTo(seat(CommunityRole.MEMBER, GROUP))).isTrue();
        assertThat(scope.visibleTo(seat(CommunityRole.MEMBER, OTHER))).isFalse();
        assertThat(scope.visibleTo(seat(CommunityRole.CORE, null))).isFalse();
        assertThat(scope.visibleTo(seat(CommunityRole.OWNER, null))).isTrue();
        assertThat(scope.visibleTo(seat(CommunityRole.ADMIN, OTHER))).isTrue();
        // not revealed: a 404, never a 403
        assertThat(refusal(() -> scope.requireVisible(seat(CommunityRole.MEMBER, OTHER), "x"))).isEqualTo(ProblemKind.NOT_FOUND);
        // an outsider (no role) has no group, even with a stale row
        assertThat(scope.visibleTo(seat(null, GROUP))).isFalse();
    }

    @Test
    void onlyTheGroupsMembersTakePartRunnersOnlyLook() {
        var scope = Scope.of(GROUP);
        assertThat(scope.takingPartBy(seat(CommunityRole.MEMBER, GROUP))).isTrue();
        assertThat(scope.takingPartBy(seat(CommunityRole.OWNER, null))).isFalse();
        assertThat(refusal(() -> scope.requireTakingPart(seat(CommunityRole.OWNER, null), "x"))).isEqualTo(ProblemKind.FORBIDDEN);
        assertThat(refusal(() -> scope.requireTakingPart(seat(CommunityRole.MEMBER, OTHER), "x"))).isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(refusal(() -> scope.requireTakingPart(seat(CommunityRole.MEMBER, GROUP), "x"))).isNull();
    }

    @Test
    void aLeaderRunsTheirOwnGroupsItemsOnlyWhenTheCommunityGoesBySubgroup() {
        var scope = Scope.of(GROUP);
        var leader = seat(GovernanceMode.SUBGROUP, CommunityRole.MEMBER, GROUP, true);
        assertThat(scope.runBy(leader)).isTrue();
        assertThat(scope.ledBy(leader)).isTrue();
        assertThat(Scope.of(OTHER).runBy(seat(GovernanceMode.SUBGROUP, CommunityRole.MEMBER, OTHER, false))).isFalse();
        assertThat(Scope.of(OTHER).runBy(leader)).isFalse();
        assertThat(scope.runBy(seat(GovernanceMode.CENTRALIZED, CommunityRole.MEMBER, GROUP, true))).isFalse();
        assertThat(scope.runBy(seat(GovernanceMode.AUTONOMOUS, CommunityRole.CORE, GROUP, true))).isFalse();
        assertThat(scope.runBy(seat(GovernanceMode.CENTRALIZED, CommunityRole.ADMIN, null, false))).isTrue();
    }

    @Test
    void theListFilterNamesOnlyTheViewersGroup() {
        assertThat(Scope.filter(seat(CommunityRole.OWNER, null), "subgroup_id")).isEmpty();
        assertThat(Scope.filter(seat(CommunityRole.MEMBER, null), "p.subgroup_id")).isEqualTo(" and p.subgroup_id is null");
        assertThat(Scope.filter(seat(CommunityRole.MEMBER, GROUP), "subgroup_id"))
                .isEqualTo(" and (subgroup_id is null or subgroup_id = 5)");
    }

    @Test
    void theGateReadsTheGroupOnlyForAMember() {
        var expired = new Standing(community(GovernanceMode.SUBGROUP), 42L, 3, CommunityRole.MEMBER, false, null,
                java.time.OffsetDateTime.now().minusDays(1), GROUP, true);
        assertThat(expired.subgroupId()).isEmpty();
        assertThat(expired.leadsSubgroup()).isFalse();
        var member = seat(GovernanceMode.SUBGROUP, CommunityRole.MEMBER, GROUP, true);
        assertThat(member.inSubgroup(GROUP)).isTrue();
        assertThat(member.leads(GROUP)).isTrue();
        assertThat(member.leads(OTHER)).isFalse();
    }
}
