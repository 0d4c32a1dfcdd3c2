package org.shequn.content;

import org.shequn.membership.CommunityGate;
import org.shequn.membership.Standing;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * Content's words for the membership gate's refusals: the gate decides who may pass, in its one order (401, 404,
 * 403, 409); these say it the way a reader or writer of posts understands it.
 */
@Component
public class ContentAccess {

    private static final String MEMBERS_ONLY = "content.membersOnly";
    private static final String ARCHIVED = "content.communityArchived";

    private final CommunityGate gate;

    ContentAccess(CommunityGate gate) {
        this.gate = gate;
    }

    public Standing read(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember(MEMBERS_ONLY);
    }

    public Standing write(Viewer viewer, String slug) {
        return read(viewer, slug).requireWritable(ARCHIVED);
    }

    public Standing owner(Viewer viewer, String slug) {
        return read(viewer, slug).requireOwner("content.section.ownerOnly").requireWritable(ARCHIVED);
    }

    public Standing runner(Viewer viewer, String slug) {
        return read(viewer, slug).requireRunner("content.curation.runnersOnly").requireWritable(ARCHIVED);
    }
}
