package org.shequn.community.view;

import java.util.List;

/** A community page's data. {@code viewerRole} is null for outsiders and anonymous visitors. */
public record CommunityView(long id, String slug, String name, String description, List<String> themes,
                            String vision, String values, String mission, String rulesHtml, String rulesMarkdown,
                            String coverUrl, String visibility, boolean archived, int memberCount, int memberCap,
                            String entryPolicy, boolean requiresRealName, boolean requiresPosition,
                            boolean membersMayInvite, List<String> questions, long ownerId, String ownerName,
                            String viewerRole, String governance) {

    public boolean full() {
        return memberCount >= memberCap;
    }

    public int percentFull() {
        return memberCap == 0 ? 100 : (int) Math.min(100, Math.round(memberCount * 100.0 / memberCap));
    }

    public int seatsLeft() {
        return Math.max(0, memberCap - memberCount);
    }

    public boolean member() {
        return viewerRole != null;
    }

    public boolean owner() {
        return "OWNER".equals(viewerRole);
    }

    public boolean runner() {
        return "OWNER".equals(viewerRole) || "ADMIN".equals(viewerRole);
    }
}
