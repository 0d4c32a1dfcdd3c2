package org.shequn.moderation.view;

import java.time.OffsetDateTime;

/** A muted member: cannot post or comment until {@code until}. */
public record MuteView(long accountId, String name, OffsetDateTime until, String reason) {
}
