package org.shequn.membership.view;

import java.time.OffsetDateTime;

/** Someone barred from a community. */
public record BanView(long accountId, String name, String reason, String bannedByName, OffsetDateTime createdAt) {
}
