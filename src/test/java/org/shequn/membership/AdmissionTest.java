package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.community.EntryPolicy;
import org.shequn.community.Visibility;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.Profiles;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/** The entry rules every way in shares, without Spring: the stores and the profile module are stand-ins. */
class AdmissionTest {

    private static final long PERSON = 42;

    private final MembershipStore store = mock(MembershipStore.class);
    private final Profiles profiles = mock(Profiles.class);
    @SuppressWarnings("unchecked")
    private final ObjectProvider<Profiles> profileModule = mock(ObjectProvider.class);
    private final Admission admission = new Admission(mock(Communities.class), store, profileModule,
            mock(ApplicationEventPublisher.class), Clock.systemUTC());

    private static CommunityInfo community(int cap, boolean archived, boolean realName, boolean position) {
        return new CommunityInfo(7, "reading", "读书会", "", List.of(), 1, cap, EntryPolicy.OPEN, realName, position, true,
                List.of(), Visibility.PUBLIC, archived, null);
    }

    private static CommunityInfo requiring(boolean realName, boolean position) {
        return community(40, false, realName, position);
    }

    private static ProfileCard card(boolean realName, boolean position) {
        return new ProfileCard(PERSON, "小林", null, "", null, null, null, null, List.of(), List.of(), List.of(), realName,
                position);
    }

    private void verifiedAs(boolean realName, boolean position) {
        when(profileModule.getIfAvailable()).thenReturn(profiles);
        when(profiles.find(PERSON)).thenReturn(Optional.of(card(realName, position)));
    }

    private static Rejection refusal(Runnable check) {
        try {
            check.run();
        } catch (Rejection rejection) {
            return rejection;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void anArchivedCommunityTakesNoMembershipChange() {
        var refused = refusal(() -> Admission.checkWritable(community(40, true, false, false)));
        assertThat(refused.kind()).isEqualTo(ProblemKind.CONFLICT);
        assertThat(refused.messageKey()).isEqualTo("membership.archived");
        assertThatCode(() -> Admission.checkWritable(community(40, false, false, false))).doesNotThrowAnyException();
    }

    @Test
    void letsTheLastFreeSeatBeTaken() {
        assertThatCode(() -> Admission.checkSeat(community(40, false, false, false), 39)).doesNotThrowAnyException();
        assertThatCode(() -> Admission.checkSeat(community(1, false, false, false), 0)).doesNotThrowAnyException();
    }

    @Test
    void refusesJoiningAFullCommunityAndSaysHowFull() {
        var refused = refusal(() -> Admission.checkSeat(community(40, false, false, false), 40));
        assertThat(refused.kind()).isEqualTo(ProblemKind.CONFLICT);
        assertThat(refused.messageKey()).isEqualTo("membership.full");
        assertThat(refused.args()).containsExactly("40", "40");
    }

    @Test
    void aCommunityOverItsCapAfterTheCapWasLoweredStaysClosed() {
        var refused = refusal(() -> Admission.checkSeat(community(10, false, false, false), 25));
        assertThat(refused.messageKey()).isEqualTo("membership.full");
        assertThat(refused.args()).containsExactly("25", "10");
    }

    @Test
    void aBannedPersonIsRefusedInTheirOwnWordsOrTheApprover() {
        when(store.banned(7, PERSON)).thenReturn(true);
        var self = refusal(() -> admission.checkMayEnter(requiring(false, false), PERSON, true));
        assertThat(self.kind()).isEqualTo(ProblemKind.FORBIDDEN);
        assertThat(self.messageKey()).isEqualTo("membership.banned");
        var approver = refusal(() -> admission.checkMayEnter(requiring(false, false), PERSON, false));
        assertThat(approver.messageKey()).isEqualTo("membership.applicantBanned");
    }

    @Test
    void theBanIsCheckedBeforeMembershipAndVerification() {
        when(store.banned(7, PERSON)).thenReturn(true);
        when(store.role(7, PERSON)).thenReturn(Optional.of(CommunityRole.MEMBER));
        assertThat(refusal(() -> admission.checkMayEnter(requiring(true, true), PERSON, true)).messageKey())
                .isEqualTo("membership.banned");
    }

    @Test
    void aMemberCannotJoinAgain() {
        when(store.role(7, PERSON)).thenReturn(Optional.of(CommunityRole.CORE));
        var self = refusal(() -> admission.checkMayEnter(requiring(false, false), PERSON, true));
        assertThat(self.kind()).isEqualTo(ProblemKind.CONFLICT);
        assertThat(self.messageKey()).isEqualTo("membership.alreadyMember");
        assertThat(refusal(() -> admission.checkMayEnter(requiring(false, false), PERSON, false)).messageKey())
                .isEqualTo("membership.applicantAlreadyMember");
    }

    @Test
    void anUnbannedOutsiderMayEnterACommunityWithoutRequirements() {
        when(store.role(7, PERSON)).thenReturn(Optional.empty());
        assertThatCode(() -> admission.checkMayEnter(requiring(false, false), PERSON, true)).doesNotThrowAnyException();
    }

    @Test
    void withoutRequirementsNobodyAsksTheProfileModule() {
        assertThatCode(() -> admission.checkRequirements(requiring(false, false), PERSON, true)).doesNotThrowAnyException();
        verifyNoInteractions(profileModule);
    }

    @Test
    void aRequiredRealNameMustBeVerified() {
        verifiedAs(false, true);
        var refused = refusal(() -> admission.checkRequirements(requiring(true, false), PERSON, true));
        assertThat(refused.kind()).isEqualTo(ProblemKind.FORBIDDEN);
        assertThat(refused.messageKey()).isEqualTo("membership.requires.realName");
        assertThat(refusal(() -> admission.checkRequirements(requiring(true, false), PERSON, false)).messageKey())
                .isEqualTo("membership.applicantRequires.realName");
    }

    @Test
    void aRequiredPositionMustBeVerified() {
        verifiedAs(true, false);
        assertThat(refusal(() -> admission.checkRequirements(requiring(false, true), PERSON, true)).messageKey())
                .isEqualTo("membership.requires.position");
        assertThat(refusal(() -> admission.checkRequirements(requiring(false, true), PERSON, false)).messageKey())
                .isEqualTo("membership.applicantRequires.position");
    }

    @Test
    void missingBothIsSaidOnce() {
        verifiedAs(false, false);
        assertThat(refusal(() -> admission.checkRequirements(requiring(true, true), PERSON, true)).messageKey())
                .isEqualTo("membership.requires.both");
        assertThat(refusal(() -> admission.checkRequirements(requiring(true, true), PERSON, false)).messageKey())
                .isEqualTo("membership.applicantRequires.both");
    }

    @Test
    void onlyTheRequiredVerificationCounts() {
        verifiedAs(true, false);
        assertThatCode(() -> admission.checkRequirements(requiring(true, false), PERSON, true)).doesNotThrowAnyException();
        verifiedAs(false, true);
        assertThatCode(() -> admission.checkRequirements(requiring(false, true), PERSON, true)).doesNotThrowAnyException();
        verifiedAs(true, true);
        assertThatCode(() -> admission.checkRequirements(requiring(true, true), PERSON, true)).doesNotThrowAnyException();
    }

    @Test
    void withoutAProfileNobodyCountsAsVerified() {
        when(profileModule.getIfAvailable()).thenReturn(profiles);
        when(profiles.find(PERSON)).thenReturn(Optional.empty());
        assertThat(refusal(() -> admission.checkRequirements(requiring(true, true), PERSON, true)).messageKey())
                .isEqualTo("membership.requires.both");
    }

    @Test
    void withoutTheProfileModuleNobodyCountsAsVerified() {
        when(profileModule.getIfAvailable()).thenReturn(null);
        assertThat(refusal(() -> admission.checkRequirements(requiring(false, true), PERSON, true)).messageKey())
                .isEqualTo("membership.requires.position");
    }
}
