package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;

/** The gate's one order of answers, without Spring: 401, then 404, then 403, then 409. */
class StandingTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC);

    private static CommunityInfo community(boolean archived) {
        return Standings.community(archived);
    }

    private static Standing anonymous(CommunityInfo community) {
        return new Standing(community, null, 3, null, false, null);
    }

    private static Standing of(CommunityInfo community, CommunityRole role) {
        return new Standing(community, 42L, 3, role, false, null);
    }

    private static ProblemKind refusal(Consumer<Standing> check, Standing standing) {
        try {
            check.accept(standing);
            return null;
        } catch (Rejection rejection) {
            return rejection.kind();
        }
    }

    @Test
    void anAnonymousVisitorIsAskedToSignInBeforeLearningWhetherTheCommunityExists() {
        assertThat(refusal(Standing::requireMember, anonymous(null))).isEqualTo(ProblemKind.UNAUTHENTICATED);
        assertThat(refusal(Standing::requireRunner, anonymous(community(true)))).isEqualTo(ProblemKind.UNAUTHENTICATED);
        assertThat(refusal(Standing::requireSignedIn, anonymous(null))).isEqualTo(ProblemKind.UNAUTHENTICATED);
    }

    @Test
    void whatAnyoneMaySeeOnlyNeedsTheCommunity() {
        assertThat(refusal(Standing::requireCommunity, anonymous(null))).isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(refusal(Standing::requireCommunity, anonymous(community(false)))).isNull();
    }

    @Test
    void aSignedInViewerLearnsOfAMissingCommunityBeforeBeingRefused() {
        assertThat(refusal(Standing::requireOwner, of(null, null))).isEqualTo(ProblemKind.NOT_FOUND);
    }

    @Test
    void rolesAreCheckedBeforeTheArchiveSoAStrangerLearnsNothingMore() {
        var archived = community(true);
        assertThat(refusal(s -> s.requireMember().requireWritable(), of(archived, null))).isEqualTo(ProblemKind.FORBIDDEN);
        assertThat(refusal(s -> s.requireRunner().requireWritable(), of(archived, CommunityRole.MEMBER)))
                .isEqualTo(ProblemKind.FORBIDDEN);
        assertThat(refusal(s -> s.requireRunner().requireWritable(), of(archived, CommunityRole.ADMIN)))
                .isEqualTo(ProblemKind.CONFLICT);
        assertThat(refusal(s -> s.requireMember().requireWritable(), of(community(false), CommunityRole.MEMBER))).isNull();
    }

    @Test
    void eachRoleReachesWhatItRuns() {
        var open = community(false);
        for (var role : CommunityRole.values()) {
            assertThat(refusal(Standing::requireMember, of(open, role))).isNull();
            assertThat(refusal(Standing::requireRunner, of(open, role)))
                    .isEqualTo(role == CommunityRole.OWNER || role == CommunityRole.ADMIN ? null : ProblemKind.FORBIDDEN);
            assertThat(refusal(Standing::requireOwner, of(open, role)))
                    .isEqualTo(role == CommunityRole.OWNER ? null : ProblemKind.FORBIDDEN);
        }
    }

    @Test
    void aBannedAccountIsAnOutsiderWithTheModulesOwnWords() {
        var banned = new Standing(community(false), 42L, 3, null, true, null);
        assertThatThrownBy(() -> banned.requireMember("content.membersOnly"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.messageKey()).isEqualTo("content.membersOnly"));
        assertThat(banned.banned()).isTrue();
        assertThat(banned.member()).isFalse();
    }

    @Test
    void aMuteCountsOnlyUntilItEnds() {
        var muted = new Standing(community(false), 42L, 3, CommunityRole.MEMBER, false, NOW.plusHours(1));
        assertThat(muted.mutedUntil(NOW)).contains(NOW.plusHours(1));
        assertThat(muted.mutedUntil(NOW.plusHours(2))).isEmpty();
    }

    @Test
    void whatIsNotKnownCannotBeReadByMistake() {
        assertThatThrownBy(() -> anonymous(null).community()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> anonymous(community(false)).accountId()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpiredMembershipIsNoMembershipAndSaysWhereToRenew() {
        var expired = new Standing(community(false), 42L, 3, CommunityRole.MEMBER, false, null, NOW.minusDays(1));
        assertThat(expired.member()).isFalse();
        assertThat(expired.role()).isEmpty();
        assertThat(expired.expired()).isTrue();
        assertThatThrownBy(() -> expired.requireMember("content.membersOnly"))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                    assertThat(r.messageKey()).isEqualTo("membership.expired");
                    assertThat(r.action()).hasValueSatisfying(a -> assertThat(a.href()).endsWith("/entry"));
                });
        assertThat(refusal(Standing::requireRunner, expired)).isEqualTo(ProblemKind.FORBIDDEN);
        assertThat(of(community(false), CommunityRole.MEMBER).expired()).isFalse();
    }
}
