package org.shequn.entry;

import java.time.OffsetDateTime;

/** A paid membership's term ends soon: sent once {@code daysBefore} (7, then 1) the end, for a reminder. */
public record EntryExpiring(long communityId, long accountId, OffsetDateTime expiresAt, int daysBefore) {
}
