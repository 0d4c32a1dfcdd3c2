package org.shequn.membership.view;

import java.util.List;

/** The owner's and admins' page: the application queue, the members, the bans. */
public record ManagePage(CommunityHeader community, String viewerRole, List<ApplicationView> applications,
                         String nextApplications, List<MemberView> members, List<BanView> bans) {

    public boolean owner() {
        return "OWNER".equals(viewerRole);
    }

    /** Whether the viewer may remove, ban or change the role of someone in {@code role}. */
    public boolean mayActOn(String role) {
        return !"OWNER".equals(role) && (owner() || !"ADMIN".equals(role));
    }
}
