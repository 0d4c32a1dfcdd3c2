/**
 * Sub-groups (分群): smaller groups inside a community, each with a leader of its own, made by hand or by an
 * automatic split (by city, by industry, or mixed; sizes within one of each other; active members spread so each
 * group has a leader candidate). A member is in at most one sub-group of a community.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sub-groups",
        allowedDependencies = {"community", "directory", "identity", "interaction", "membership", "shared"})
package org.shequn.subgroup;
