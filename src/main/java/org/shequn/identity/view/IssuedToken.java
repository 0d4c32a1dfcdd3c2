package org.shequn.identity.view;

import java.time.OffsetDateTime;

/** The one moment a token's secret is visible: right after it is created. */
public record IssuedToken(long id, String name, String token, OffsetDateTime createdAt) {
}
