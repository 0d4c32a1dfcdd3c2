package org.shequn.event;

/** Someone asked to join an event that needs approval: its host (who planned it) is told, to approve or refuse. */
public record RegistrationRequested(long communityId, long eventId, String title, long accountId, long hostId) {
}
