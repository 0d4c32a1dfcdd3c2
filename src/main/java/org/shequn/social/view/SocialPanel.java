package org.shequn.social.view;

import java.util.List;

/**
 * The social box on a person's page. {@code relation} is null for anonymous viewers and for one's own
 * page; {@code error} is a message key shown above the buttons after a refused action.
 */
public record SocialPanel(long personId, boolean signedIn, boolean self, SocialCounts counts, Relation relation,
                          List<PersonLink> mutualFriends, String error) {

    public boolean showsActions() {
        return signedIn && !self;
    }
}
