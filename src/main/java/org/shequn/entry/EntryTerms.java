package org.shequn.entry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What an owner sets for paid entry, in 分: the fee, the term in days (none: lifetime), a renewal price (none: the
 * fee again), the refund window in hours (0: no refunds) and free-trial days (none: no trial). The API body, the
 * form's target, and what everyone is shown.
 */
public record EntryTerms(
        @NotNull @Min(1) @Max(MAX_MINOR) Long feeMinor,
        @Min(1) @Max(MAX_TERM_DAYS) Integer termDays,
        @Min(1) @Max(MAX_MINOR) Long renewalMinor,
        @NotNull @Min(0) @Max(MAX_REFUND_HOURS) Integer refundHours,
        @Min(1) @Max(MAX_TRIAL_DAYS) Integer trialDays) {

    /** ¥100,000: an entry fee above it is a typo. */
    static final long MAX_MINOR = 10_000_000L;
    static final int MAX_TERM_DAYS = 3660;
    static final int MAX_REFUND_HOURS = 720;
    static final int MAX_TRIAL_DAYS = 90;

    public boolean lifetime() {
        return termDays == null;
    }

    /** What renewing costs: the renewal price, else the fee. */
    public long renewalOrFeeMinor() {
        return renewalMinor != null ? renewalMinor : feeMinor;
    }
}
