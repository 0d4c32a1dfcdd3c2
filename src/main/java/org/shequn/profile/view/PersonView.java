package org.shequn.profile.view;

import java.util.List;
import org.shequn.profile.ProfileCard;

/** A person's page: their card, the letter shown when there is no avatar, and the bio's lines. */
public record PersonView(ProfileCard card, String initial, List<String> bioLines, boolean self) {

    public static PersonView of(ProfileCard card, boolean self) {
        var name = card.displayName();
        var initial = name == null || name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase();
        var lines = card.bio() == null ? List.<String>of() : List.of(card.bio().split("\\r?\\n", -1));
        return new PersonView(card, initial, lines, self);
    }

    public String headline() {
        var c = card;
        if (c.position() != null && c.company() != null) {
            return c.position() + " @ " + c.company();
        }
        return c.position() != null ? c.position() : c.company();
    }
}
