package org.shequn.community;

/**
 * The governance mode (管理模式) a community's owner picks: who besides the owner and admins may run things.
 * Centralized: only they. By sub-group: sub-group leaders also run their own group (its members, events and
 * check-ins). Autonomous: core members, chosen by the members, also approve applications and open polls.
 */
public enum GovernanceMode {
    CENTRALIZED, SUBGROUP, AUTONOMOUS;

    /** Whether core members may approve or reject applications to join. */
    public boolean coreMembersAdmit() {
        return this == AUTONOMOUS;
    }

    /** Whether core members may open (and close) polls. */
    public boolean coreMembersOpenPolls() {
        return this == AUTONOMOUS;
    }

    /** Whether a sub-group's leader runs their group. */
    public boolean leadersRunGroups() {
        return this == SUBGROUP;
    }
}
