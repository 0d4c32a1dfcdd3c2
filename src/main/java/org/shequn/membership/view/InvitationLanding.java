package org.shequn.membership.view;

/**
 * Where an invitation link lands: the community and whether the code still works; {@code problem} is the
 * localized reason it does not, or null.
 */
public record InvitationLanding(CommunityHeader community, String code, String inviterName, String problem,
                                String viewerRole, String rulesHtml) {
}
