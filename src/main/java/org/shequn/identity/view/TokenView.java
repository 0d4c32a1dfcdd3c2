package org.shequn.identity.view;

import java.time.OffsetDateTime;

/** A personal API token as listed to its owner: never the secret itself. */
public record TokenView(long id, String name, String tokenPrefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
}
