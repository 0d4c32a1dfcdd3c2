package org.shequn.event;

/**
 * A member's registration: PENDING waits for a runner's approval, REGISTERED holds a seat, WAITLISTED waits for
 * one (first come, first served), CANCELLED by the member (or the event), REFUSED by a runner.
 */
public enum RegistrationState {
    PENDING, REGISTERED, WAITLISTED, CANCELLED, REFUSED;

    /** Still in the running: registering again is refused while in one of these. */
    boolean active() {
        return this == PENDING || this == REGISTERED || this == WAITLISTED;
    }
}
