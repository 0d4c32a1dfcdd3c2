package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shequn.community.CommunityRole;
import org.shequn.membership.Standings;

/** What each role may do with its own and others' texts, in a live and in an archived community. */
class ContentPolicyTest {

    private static final long MINE = Standings.VIEWER_ID;
    private static final long SOMEONE_ELSES = 1234;

    private static ContentPolicy as(CommunityRole role) {
        return ContentPolicy.of(Standings.member(role, false));
    }

    private static ContentPolicy archivedAs(CommunityRole role) {
        return ContentPolicy.of(Standings.member(role, true));
    }

    private static boolean runs(CommunityRole role) {
        return role == CommunityRole.OWNER || role == CommunityRole.ADMIN;
    }

    @Test
    void onlyTheAuthorEditsWhateverTheirRole() {
        for (var role : CommunityRole.values()) {
            assertThat(as(role).mayEdit(MINE)).as(role.name()).isTrue();
            assertThat(as(role).mayEdit(SOMEONE_ELSES)).as(role.name()).isFalse();
        }
    }

    @Test
    void everyoneDeletesTheirOwnTextButOnlyOwnersAndAdminsDeleteOthers() {
        for (var role : CommunityRole.values()) {
            assertThat(as(role).mayDelete(MINE)).as(role.name()).isTrue();
            assertThat(as(role).mayDelete(SOMEONE_ELSES)).as(role.name()).isEqualTo(runs(role));
        }
    }

    @Test
    void aCoreMemberDoesNotRemoveOthersTexts() {
        assertThat(as(CommunityRole.CORE).mayDelete(SOMEONE_ELSES)).isFalse();
        assertThat(as(CommunityRole.CORE).mayCurate()).isFalse();
    }

    @Test
    void onlyOwnersAndAdminsCurate() {
        for (var role : CommunityRole.values()) {
            assertThat(as(role).mayCurate()).as(role.name()).isEqualTo(runs(role));
        }
    }

    @Test
    void historyIsTheAuthorsAndTheRunnersToSee() {
        for (var role : CommunityRole.values()) {
            assertThat(as(role).maySeeHistory(MINE)).as(role.name()).isTrue();
            assertThat(as(role).maySeeHistory(SOMEONE_ELSES)).as(role.name()).isEqualTo(runs(role));
        }
    }

    @Test
    void everyMemberMayComment() {
        for (var role : CommunityRole.values()) {
            assertThat(as(role).mayComment()).as(role.name()).isTrue();
        }
    }

    @Test
    void nothingChangesInAnArchivedCommunityWhateverTheRole() {
        for (var role : CommunityRole.values()) {
            var policy = archivedAs(role);
            assertThat(policy.mayEdit(MINE)).as(role.name()).isFalse();
            assertThat(policy.mayDelete(MINE)).as(role.name()).isFalse();
            assertThat(policy.mayDelete(SOMEONE_ELSES)).as(role.name()).isFalse();
            assertThat(policy.mayCurate()).as(role.name()).isFalse();
            assertThat(policy.mayComment()).as(role.name()).isFalse();
        }
    }

    @Test
    void anArchivedCommunitysHistoryStaysReadable() {
        for (var role : CommunityRole.values()) {
            assertThat(archivedAs(role).maySeeHistory(MINE)).as(role.name()).isTrue();
            assertThat(archivedAs(role).maySeeHistory(SOMEONE_ELSES)).as(role.name()).isEqualTo(runs(role));
        }
    }
}
