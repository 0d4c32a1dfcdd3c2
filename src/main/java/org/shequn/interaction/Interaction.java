package org.shequn.interaction;

import java.time.OffsetDateTime;

/**
 * One interaction: {@code actorId} did {@code kind} with {@code otherId} (null when done together with whoever shares
 * the place) on {@code place} ("post:42", "comment:7", "account:3") in a community (null for a follow).
 */
public record Interaction(long id, Long communityId, long actorId, Long otherId, InteractionKind kind, String place,
                          OffsetDateTime occurredAt) {
}
