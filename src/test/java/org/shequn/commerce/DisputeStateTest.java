package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shequn.shared.Rejection;

/** Each move of a dispute's life, and each it does not have. */
class DisputeStateTest {

    @Test
    void anOpenDisputeIsAnsweredOrDecidedAndADecidedOneIsClosed() {
        assertThat(DisputeState.OPEN.to(DisputeState.ANSWERED)).isEqualTo(DisputeState.ANSWERED);
        assertThat(DisputeState.OPEN.to(DisputeState.REFUNDED)).isEqualTo(DisputeState.REFUNDED);
        assertThat(DisputeState.OPEN.to(DisputeState.REJECTED)).isEqualTo(DisputeState.REJECTED);
        assertThat(DisputeState.ANSWERED.to(DisputeState.REFUNDED)).isEqualTo(DisputeState.REFUNDED);
        assertThat(DisputeState.ANSWERED.to(DisputeState.REJECTED)).isEqualTo(DisputeState.REJECTED);
        assertThat(DisputeState.OPEN.undecided()).isTrue();
        assertThat(DisputeState.ANSWERED.undecided()).isTrue();
        assertThat(DisputeState.REFUNDED.undecided()).isFalse();
        assertThat(DisputeState.REJECTED.undecided()).isFalse();
    }

    @Test
    void movesTheLifeDoesNotHaveAreRefusedWithWhereItStands() {
        for (var from : DisputeState.values()) {
            for (var to : DisputeState.values()) {
                boolean allowed = switch (from) {
                    case OPEN -> to != DisputeState.OPEN;
                    case ANSWERED -> to == DisputeState.REFUNDED || to == DisputeState.REJECTED;
                    case REFUNDED, REJECTED -> false;
                };
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed);
                if (!allowed) {
                    assertThatThrownBy(() -> from.to(to)).isInstanceOf(Rejection.class)
                            .extracting(e -> ((Rejection) e).messageKey()).isEqualTo("commerce.dispute.state." + from.name());
                }
            }
        }
    }

    @Test
    void aPartRefundSharesTheAmountAndTheWholeIsWhatIsLeft() {
        var c = org.shequn.shared.money.Money.Currency.CNY;
        var left = new OrderSplit(org.shequn.shared.money.Money.cny(5900), org.shequn.shared.money.Money.cny(590),
                org.shequn.shared.money.Money.cny(0), org.shequn.shared.money.Money.cny(295), org.shequn.shared.money.Money.cny(5015));
        assertThat(Disputes.share(left, org.shequn.shared.money.Money.cny(5900))).isEqualTo(left);
        var part = Disputes.share(left, org.shequn.shared.money.Money.cny(2000));
        assertThat(part.total().minor()).isEqualTo(2000);
        assertThat(part.commission().minor()).isEqualTo(200);
        assertThat(part.platformFee().minor()).isEqualTo(100);
        assertThat(part.merchantShare().minor()).isEqualTo(1700);
        assertThat(part.referral().currency()).isEqualTo(c);
    }
}
