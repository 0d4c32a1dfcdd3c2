package org.shequn.content;

import org.shequn.community.CommunityRole;

/** Who may post in a section. */
enum SectionPosting {
    EVERYONE, CORE_AND_UP, ADMINS;

    boolean allows(CommunityRole role) {
        return switch (this) {
            case EVERYONE -> true;
            case CORE_AND_UP -> role.atLeast(CommunityRole.CORE);
            case ADMINS -> role.atLeast(CommunityRole.ADMIN);
        };
    }
}
