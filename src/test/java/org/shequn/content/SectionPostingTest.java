package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shequn.community.CommunityRole;

/** Who may post in a section: every rule asked about every role. */
class SectionPostingTest {

    private static Set<CommunityRole> allowedBy(SectionPosting rule) {
        var allowed = EnumSet.noneOf(CommunityRole.class);
        for (var role : CommunityRole.values()) {
            if (rule.allows(role)) {
                allowed.add(role);
            }
        }
        return allowed;
    }

    @Test
    void everyMemberMayPostInAnOpenSection() {
        assertThat(allowedBy(SectionPosting.EVERYONE)).containsExactlyInAnyOrder(CommunityRole.values());
    }

    @Test
    void aCoreSectionRefusesPlainMembers() {
        assertThat(allowedBy(SectionPosting.CORE_AND_UP))
                .containsExactlyInAnyOrder(CommunityRole.OWNER, CommunityRole.ADMIN, CommunityRole.CORE);
        assertThat(SectionPosting.CORE_AND_UP.allows(CommunityRole.MEMBER)).isFalse();
    }

    @Test
    void anAdminSectionIsForThoseWhoRunTheCommunity() {
        assertThat(allowedBy(SectionPosting.ADMINS)).containsExactlyInAnyOrder(CommunityRole.OWNER, CommunityRole.ADMIN);
        assertThat(SectionPosting.ADMINS.allows(CommunityRole.CORE)).isFalse();
        assertThat(SectionPosting.ADMINS.allows(CommunityRole.MEMBER)).isFalse();
    }

    @Test
    void aStricterRuleNeverLetsInSomeoneALooserOneRefuses() {
        for (var role : CommunityRole.values()) {
            if (SectionPosting.ADMINS.allows(role)) {
                assertThat(SectionPosting.CORE_AND_UP.allows(role)).as(role.name()).isTrue();
            }
            if (SectionPosting.CORE_AND_UP.allows(role)) {
                assertThat(SectionPosting.EVERYONE.allows(role)).as(role.name()).isTrue();
            }
        }
    }

    @Test
    void theOwnerMayPostEverywhere() {
        for (var rule : SectionPosting.values()) {
            assertThat(rule.allows(CommunityRole.OWNER)).as(rule.name()).isTrue();
        }
    }
}
