package org.shequn.membership;

import org.shequn.community.CommunityRole;

/** An owner or admin changed a member's role (admin, core member 骨干, member). */
public record MemberRoleChanged(long communityId, long accountId, CommunityRole from, CommunityRole to,
                                long byAccountId) {
}
