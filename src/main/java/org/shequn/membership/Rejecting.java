package org.shequn.membership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A rejection must say why: the applicant reads it. */
public record Rejecting(@NotBlank @Size(max = 500) String reason) {
}
