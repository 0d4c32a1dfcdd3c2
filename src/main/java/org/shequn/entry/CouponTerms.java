package org.shequn.entry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A coupon an owner issues: its code, either an amount off (分) or a percentage off (1–99), how many hours it lasts
 * (none: until used up) and how many times it may be used.
 */
public record CouponTerms(
        @NotBlank @Size(min = 3, max = 32) @Pattern(regexp = "^[A-Za-z0-9_-]+$", message = "{entry.coupon.codePattern}") String code,
        @Min(1) @Max(EntryTerms.MAX_MINOR) Long amountOffMinor,
        @Min(1) @Max(99) Integer percentOff,
        @Min(1) @Max(24 * 366) Integer expiresInHours,
        @NotNull @Min(1) @Max(100_000) Integer maxUses) {
}
