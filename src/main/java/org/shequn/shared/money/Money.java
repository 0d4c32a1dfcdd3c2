package org.shequn.shared.money;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.shequn.shared.Rejection;

/**
 * An amount of money in integer minor units (分 for CNY) and its currency: never a floating-point number, in code, in
 * the API or in the database (a {@code bigint} column of minor units beside a {@code char(3)} currency). Arithmetic
 * refuses to mix currencies and to overflow, so a sum is always exact or an error.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    /** Currencies Shequn takes; each knows how many minor units make a major one. */
    public enum Currency {
        CNY(2);

        private final int digits;

        Currency(int digits) {
            this.digits = digits;
        }

        public int digits() {
            return digits;
        }
    }

    /** What a person types for an amount: "12", "12.5", "12.50" (no sign, no thousands separators). */
    private static final Pattern TYPED = Pattern.compile("^(\\d{1,12})(?:\\.(\\d{1,2}))?$");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money cny(long fen) {
        return new Money(fen, Currency.CNY);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * An amount typed into a form ("19.90" → 1990 分), or a refusal naming {@code field}: no floating point is involved
     * on the way, so "0.1" is exactly 10 分.
     */
    public static Money parse(String typed, Currency currency, String field) {
        var m = typed == null ? null : TYPED.matcher(typed.strip());
        if (m == null || !m.matches()) {
            throw Rejection.invalid(field, "money.invalid");
        }
        long major = Long.parseLong(m.group(1));
        var fraction = m.group(2) == null ? "" : m.group(2);
        if (fraction.length() > currency.digits()) {
            throw Rejection.invalid(field, "money.invalid");
        }
        long scale = pow10(currency.digits());
        long minor = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00").substring(0, currency.digits()));
        return new Money(Math.addExact(Math.multiplyExact(major, scale), minor), currency);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minor, same(other).minor), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minor, same(other).minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    /**
     * A share in basis points (1 bp = 0.01%), rounded half up to the minor unit: a commission of 1,250 bp on 1,990 分 is
     * 249 分 (248.75 rounded). Integer arithmetic only.
     */
    public Money share(int basisPoints) {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("basis points out of range: " + basisPoints);
        }
        long product = Math.multiplyExact(minor, (long) basisPoints);
        long rounded = product >= 0 ? (product + 5_000) / 10_000 : -((-product + 5_000) / 10_000);
        return new Money(rounded, currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minor, same(other).minor);
    }

    /** "19.90", as a form shows it again (no currency sign). */
    public String plain() {
        long scale = pow10(currency.digits());
        long abs = Math.abs(minor);
        var text = (abs / scale) + (currency.digits() == 0 ? "" : "." + String.format(Locale.ROOT, "%0" + currency.digits() + "d", abs % scale));
        return minor < 0 ? "-" + text : text;
    }

    /** "¥19.90", for pages. */
    public String display() {
        return (minor < 0 ? "-" : "") + "¥" + (minor < 0 ? negate().plain() : plain());
    }

    private Money same(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
        return other;
    }

    private static long pow10(int digits) {
        long p = 1;
        for (int i = 0; i < digits; i++) {
            p *= 10;
        }
        return p;
    }
}
