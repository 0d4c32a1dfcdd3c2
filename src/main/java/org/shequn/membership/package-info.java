/**
 * Who belongs to which community, and the one gate every module passes: {@link org.shequn.membership.CommunityGate}
 * resolves the viewer's {@link org.shequn.membership.Standing} (role, ban, mute, member count, their sub-group and
 * whether they lead it) in one statement and refuses in one order (401, 404, 403, 409). Something scoped to a
 * sub-group follows {@link org.shequn.membership.Scope}'s rules (seen by the group and the runners, 404 for others;
 * taken part in by the group; run by the runners and, by sub-group, its leader); {@link org.shequn.membership.Scopes}
 * checks a chosen scope against the groups the subgroup module names through
 * {@link org.shequn.membership.SubgroupCatalog}. Also joining under the entry policy (open, approval with questions,
 * invitation codes), roles (owner, admin, core member, member), leaving, removal, bans and mutes, and the audit
 * trail of every change. Depends on the community module, which sees memberships only through the
 * {@link org.shequn.community.MemberRoster} this module implements.
 * The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Membership",
        allowedDependencies = {"community", "identity", "profile", "shared"})
package org.shequn.membership;
