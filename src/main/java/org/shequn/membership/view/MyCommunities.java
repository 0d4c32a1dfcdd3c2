package org.shequn.membership.view;

import java.time.OffsetDateTime;
import java.util.List;

/** The communities I belong to, with my role, and my applications still waiting for a decision. */
public record MyCommunities(List<Membership> communities, List<PendingApplication> pendingApplications) {

    public record Membership(String slug, String name, String role, OffsetDateTime joinedAt) {
    }

    public record PendingApplication(long id, String slug, String name, OffsetDateTime createdAt) {
    }
}
