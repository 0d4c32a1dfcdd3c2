package org.shequn.entry.view;

/**
 * The paid-entry settings form as typed, named like the API's fields: amounts in 元 (parsed exactly, never as
 * floating point), days and hours.
 */
public record EntryForm(String feeMinor, String termDays, String renewalMinor, String refundHours, String trialDays) {
}
