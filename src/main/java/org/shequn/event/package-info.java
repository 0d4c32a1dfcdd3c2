/**
 * Events (活动, 线下活动, 分享会): a community's owner and admins plan them (online, offline or both; start and end
 * in a time zone; a place and map link, an online link released to registered guests from a set time; a speaker;
 * a capacity with a first-come waitlist; optional approval and registration questions; a cancellation cutoff),
 * members register and cancel, the waitlist moves up in the cancelling transaction, and at the door staff (the
 * owner, admins and the event's named helpers) open a guest's ticket link to check them in. Calendars: an
 * {@code .ics} per event and a personal feed at a secret URL. Reminders 24 h and 1 h before the start.
 * Afterwards attendees leave feedback. Free events only: paid ones will go through commerce's checkout.
 * It announces {@link org.shequn.event.EventRegistered} and {@link org.shequn.event.EventAttended} (member-to-member
 * interactions), and what notification turns into inbox items ({@link org.shequn.event.WaitlistPromoted},
 * {@link org.shequn.event.EventReminderDue}, {@link org.shequn.event.EventCancelled},
 * {@link org.shequn.event.RegistrationRequested} for the host, {@link org.shequn.event.RegistrationDecided} for the
 * member who asked).
 * An event may be for one sub-group (membership's {@code Scope}): seen by its members and the runners, registered
 * for by its members, and planned and worked at the door by its leader too when the community goes by sub-group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events",
        allowedDependencies = {"community", "membership", "profile", "shared"})
package org.shequn.event;
