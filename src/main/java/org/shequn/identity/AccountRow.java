package org.shequn.identity;

import java.time.OffsetDateTime;

record AccountRow(long id, String email, String phone, String passwordHash, String displayName,
                  int failedLogins, OffsetDateTime lockedUntil, OffsetDateTime createdAt) {
}
