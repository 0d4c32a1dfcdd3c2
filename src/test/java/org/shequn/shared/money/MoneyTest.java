package org.shequn.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shequn.shared.Rejection;

class MoneyTest {

    @Test
    void typedAmountsBecomeExactFen() {
        assertThat(Money.parse("19.90", Money.Currency.CNY, "price").minor()).isEqualTo(1990);
        assertThat(Money.parse("0.1", Money.Currency.CNY, "price").minor()).isEqualTo(10);
        assertThat(Money.parse(" 12 ", Money.Currency.CNY, "price").minor()).isEqualTo(1200);
        for (var bad : new String[] {"-1", "1.234", "1e3", "abc", "", "1,000", "0x10", "9999999999999"}) {
            assertThatThrownBy(() -> Money.parse(bad, Money.Currency.CNY, "price")).isInstanceOf(Rejection.class);
        }
    }

    @Test
    void sharesRoundHalfUpInIntegers() {
        assertThat(Money.cny(1990).share(1250).minor()).isEqualTo(249);
        assertThat(Money.cny(1000).share(10_000).minor()).isEqualTo(1000);
        assertThat(Money.cny(1).share(4_999).minor()).isZero();
        assertThat(Money.cny(1).share(5_000).minor()).isEqualTo(1);
    }

    @Test
    void sumsAreExactOrRefused() {
        assertThat(Money.cny(1990).plus(Money.cny(10)).display()).isEqualTo("¥20.00");
        assertThat(Money.cny(-5).display()).isEqualTo("-¥0.05");
        assertThatThrownBy(() -> Money.cny(Long.MAX_VALUE).plus(Money.cny(1))).isInstanceOf(ArithmeticException.class);
    }
}
