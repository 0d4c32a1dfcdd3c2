/**
 * Interactions (互动): every member-to-member interaction the other modules create, recorded in one form — who
 * (actor), with whom (the other person, or no one for what several do together at one place), how (kind), where
 * (community and place), when — for the analytics that reads them. Fed only by other modules' events, recorded in
 * the transaction that made them: exactly once, at the writer's time, and gone if that write rolls back.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interactions",
        allowedDependencies = {"assignment", "checkin", "content", "event", "membership", "reaction", "shared", "social", "voting"})
package org.shequn.interaction;
