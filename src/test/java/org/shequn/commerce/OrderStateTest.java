package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shequn.shared.Rejection;

class OrderStateTest {

    @Test
    void anOrderMovesOnlyAlongItsLife() {
        assertThat(OrderState.CREATED.to(OrderState.PAID)).isEqualTo(OrderState.PAID);
        assertThat(OrderState.PAID.to(OrderState.SHIPPED)).isEqualTo(OrderState.SHIPPED);
        assertThat(OrderState.SHIPPED.to(OrderState.DELIVERED)).isEqualTo(OrderState.DELIVERED);
        assertThat(OrderState.DELIVERED.to(OrderState.COMPLETED)).isEqualTo(OrderState.COMPLETED);
        assertThat(OrderState.PAID.to(OrderState.REFUND_REQUESTED).to(OrderState.REFUNDED)).isEqualTo(OrderState.REFUNDED);
        assertThatThrownBy(() -> OrderState.CREATED.to(OrderState.SHIPPED)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> OrderState.PAID.to(OrderState.CANCELLED)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> OrderState.COMPLETED.to(OrderState.REFUND_REQUESTED)).isInstanceOf(Rejection.class);
        // a completed order moves on only when a dispute's decision refunds all of it
        assertThat(OrderState.COMPLETED.to(OrderState.REFUNDED)).isEqualTo(OrderState.REFUNDED);
        for (var any : OrderState.values()) {
            assertThat(OrderState.COMPLETED.canMoveTo(any)).isEqualTo(any == OrderState.REFUNDED);
        }
        assertThatThrownBy(() -> OrderState.CREATED.to(OrderState.REFUNDED)).isInstanceOf(Rejection.class);
        for (var end : new OrderState[] {OrderState.CANCELLED, OrderState.REFUNDED}) {
            for (var any : OrderState.values()) {
                assertThat(end.canMoveTo(any)).isFalse();
            }
        }
    }
}
