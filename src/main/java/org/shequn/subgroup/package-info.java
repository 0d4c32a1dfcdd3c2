/**
 * Sub-groups (分群): smaller groups inside a community, each with a leader of its own, made by hand or by an
 * automatic split (by city, by industry, or mixed; sizes within one of each other; active members spread so each
 * group has a leader candidate). A member is in at most one sub-group of a community. A group has its own feed
 * (the posts scoped to it) and lists what else is scoped to it; membership's {@code Scope} holds the rules of who
 * sees, takes part in and runs a scoped item, and this module supplies the groups' names through membership's
 * {@code SubgroupCatalog}. When a group's leader election (voting's {@code GroupLeaderElected}) is counted, its
 * winner becomes the group's leader here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sub-groups",
        allowedDependencies = {"checkin", "community", "content", "directory", "event", "identity", "interaction", "membership", "shared", "voting"})
package org.shequn.subgroup;
