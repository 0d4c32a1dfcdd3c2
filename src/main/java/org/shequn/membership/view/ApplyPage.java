package org.shequn.membership.view;

/**
 * The apply page: the community, its rules (sanitized HTML), and the viewer's situation: a member already,
 * a pending application (to withdraw), or the last decided one (a rejection shows its reason).
 */
public record ApplyPage(CommunityHeader community, String rulesHtml, String viewerRole, ApplicationView latest) {

    public boolean member() {
        return viewerRole != null;
    }

    public boolean pending() {
        return latest != null && latest.pending();
    }
}
