package org.shequn.membership.view;

import java.util.List;

/** The invitations page: everything for owner and admins, one's own for other members. */
public record InvitationsPage(CommunityHeader community, boolean all, List<InvitationView> invitations,
                              InvitationView created) {
}
