package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;

class OrderSplitTest {

    @Test
    void thePartsAddUpExactlyToTheTotalWhateverTheRounding() {
        for (long fen = 1; fen < 5000; fen += 7) {
            var split = OrderSplit.of(List.of(new OrderSplit.Line(Money.cny(fen), 1250), new OrderSplit.Line(Money.cny(fen * 3 + 1), 333)),
                    150, 500);
            assertThat(split.commission().plus(split.referral()).plus(split.platformFee()).plus(split.merchantShare()))
                    .isEqualTo(split.total());
            assertThat(split.merchantShare().isNegative()).isFalse();
        }
        var one = OrderSplit.of(List.of(new OrderSplit.Line(Money.cny(1990), 1250)), 0, 500);
        assertThat(one.commission()).isEqualTo(Money.cny(249));
        assertThat(one.platformFee()).isEqualTo(Money.cny(100));
        assertThat(one.merchantShare()).isEqualTo(Money.cny(1641));
    }

    @Test
    void ratesThatLeaveTheMerchantLessThanNothingAreRefused() {
        assertThatThrownBy(() -> OrderSplit.of(List.of(new OrderSplit.Line(Money.cny(100), 9000)), 1000, 1000))
                .isInstanceOf(Rejection.class);
    }

    @Test
    void aRefundOfSomeLinesThenOfTheRestGivesBackExactlyTheWholeSplitAndNoPartBelowZero() {
        for (long fen = 1; fen < 3000; fen += 11) {
            var first = new OrderSplit.Line(Money.cny(fen), 1250);
            var second = new OrderSplit.Line(Money.cny(fen * 2 + 3), 333);
            var whole = OrderSplit.of(List.of(first, second), 150, 500);
            var part = whole.part(List.of(second));
            var rest = whole.minus(part);
            assertThat(part.total()).isEqualTo(second.amount());
            assertThat(part.commission()).isEqualTo(second.amount().share(333));
            for (var m : List.of(part.referral(), part.platformFee(), part.merchantShare(), rest.commission(),
                    rest.referral(), rest.platformFee(), rest.merchantShare())) {
                assertThat(m.isNegative()).isFalse();
            }
            assertThat(part.total().plus(rest.total())).isEqualTo(whole.total());
            assertThat(part.merchantShare().plus(rest.merchantShare())).isEqualTo(whole.merchantShare());
        }
    }
}
