package org.shequn.membership;

import org.shequn.shared.Viewer;

/**
 * The one way any module learns who the viewer is in a community. The community row may come from the node's
 * short-lived cache (ADR 8); the viewer's role, ban and mute are read fresh, in one statement, on every call.
 */
public interface CommunityGate {

    /** The viewer's standing in the community with this slug; never throws: ask the standing what is required. */
    Standing of(Viewer viewer, String slug);

    /** The same, for a community known by id (e.g. a live stream's or a notification's community). */
    Standing of(Viewer viewer, long communityId);
}
