package org.shequn.membership;

import jakarta.validation.constraints.Size;

/** An optional note on why someone was banned, for the owner and admins. */
public record Banning(@Size(max = 500) String reason) {
}
