package org.shequn.content;

import java.util.Locale;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.community.MemberRoster;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * The one gate in front of every content read and write: anonymous → 401, unknown community → 404,
 * outsider → 403; writes in an archived community → 409. Membership is read fresh on every request.
 */
@Component
class ContentAccess {

    private final Communities communities;
    private final MemberRoster roster;

    ContentAccess(Communities communities, MemberRoster roster) {
        this.communities = communities;
        this.roster = roster;
    }

    Seat read(Viewer viewer, String slug) {
        Viewer.require(viewer);
        var community = community(slug);
        var role = roster.roleOf(community.id(), viewer.accountId())
                .orElseThrow(() -> Rejection.forbidden("content.membersOnly"));
        return new Seat(community, viewer.accountId(), role);
    }

    Seat write(Viewer viewer, String slug) {
        var seat = read(viewer, slug);
        if (seat.community().archived()) {
            throw Rejection.conflict("content.communityArchived");
        }
        return seat;
    }

    Seat owner(Viewer viewer, String slug) {
        var seat = read(viewer, slug);
        if (!seat.owner()) {
            throw Rejection.forbidden("content.section.ownerOnly");
        }
        if (seat.community().archived()) {
            throw Rejection.conflict("content.communityArchived");
        }
        return seat;
    }

    Seat runner(Viewer viewer, String slug) {
        var seat = read(viewer, slug);
        if (!seat.runs()) {
            throw Rejection.forbidden("content.curation.runnersOnly");
        }
        if (seat.community().archived()) {
            throw Rejection.conflict("content.communityArchived");
        }
        return seat;
    }

    private CommunityInfo community(String slug) {
        if (slug == null || slug.isEmpty() || slug.length() > 40) {
            throw Rejection.notFound("community.notFound");
        }
        return communities.findBySlug(slug.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Rejection.notFound("community.notFound"));
    }
}
