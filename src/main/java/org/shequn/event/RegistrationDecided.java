package org.shequn.event;

/**
 * A pending registration was decided: {@code state} is REGISTERED (a seat), WAITLISTED (approved, no seat free yet) or
 * REFUSED. The member who asked is told.
 */
public record RegistrationDecided(long communityId, long eventId, String title, long accountId, long byAccountId,
                                  RegistrationState state) {
}
