package org.shequn.membership;

import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.community.EntryPolicy;
import org.shequn.community.Visibility;

/**
 * Standings for plain unit tests in other modules ({@link Standing}'s constructor is the gate's alone): one
 * community (id {@value #COMMUNITY_ID}, cap 40) and one viewer (account {@value #VIEWER_ID}).
 */
public final class Standings {

    public static final long COMMUNITY_ID = 7;
    public static final long VIEWER_ID = 42;

    private Standings() {
    }

    /** An open, public community of at most 40 members, archived or not. */
    public static CommunityInfo community(boolean archived) {
        return new CommunityInfo(COMMUNITY_ID, "reading", "读书会", "", List.of(), 1, 40, EntryPolicy.OPEN, false, false,
                true, List.of(), Visibility.PUBLIC, archived, null);
    }

    /** The viewer as a member in {@code role}; null for a signed-in outsider. */
    public static Standing member(CommunityRole role, boolean archived) {
        return new Standing(community(archived), VIEWER_ID, 3, role, false, null);
    }

    /** The viewer as a plain member muted until {@code until}. */
    public static Standing muted(OffsetDateTime until) {
        return new Standing(community(false), VIEWER_ID, 3, CommunityRole.MEMBER, false, until);
    }
}
