package org.shequn.membership;

import jakarta.validation.constraints.NotNull;
import org.shequn.community.CommunityRole;

/** The role a member should have from now on (admin, core member or member; never owner). */
public record RoleChange(@NotNull CommunityRole role) {
}
