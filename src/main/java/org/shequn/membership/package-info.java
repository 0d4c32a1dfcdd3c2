/**
 * Who belongs to which community: joining under the entry policy (open, approval with questions,
 * invitation codes), roles (owner, admin, core member, member), leaving, removal and bans, the audit trail
 * of every change, and the member directory. Depends on the community module, which sees memberships only
 * through the {@link org.shequn.community.MemberRoster} this module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Membership")
package org.shequn.membership;
