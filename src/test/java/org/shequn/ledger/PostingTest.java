package org.shequn.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;

/** The rules a posting, an account and a balance keep by themselves, before the database sees them. */
class PostingTest {

    static Posting order(String key, long total, long merchant, long commission, long fee) {
        return new Posting(key, "order:42", "订单 42", List.of(
                new Leg(Account.CLEARING, Money.cny(total)),
                new Leg(Account.merchant(7), Money.cny(-merchant)),
                new Leg(Account.communityCommission(3), Money.cny(-commission)),
                new Leg(Account.PLATFORM_FEE, Money.cny(-fee))));
    }

    @Test
    void acceptsABalancedPostingInOneCurrency() {
        var posting = order("payment:1", 1990, 1642, 249, 99);
        assertThat(posting.currency()).isEqualTo(Money.Currency.CNY);
        assertThat(posting.payout()).isFalse();
    }

    @Test
    void refusesAnUnbalancedPosting() {
        assertThatThrownBy(() -> order("payment:1", 1990, 1642, 249, 98))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.kind()).isEqualTo(ProblemKind.VALIDATION);
                    assertThat(r.fieldProblems().getFirst().message()).isEqualTo("ledger.legs.unbalanced");
                });
    }

    @Test
    void refusesAZeroLegAndASingleLeg() {
        assertThatThrownBy(() -> new Posting("k", "order:1", "", List.of(new Leg(Account.CLEARING, Money.cny(0)),
                new Leg(Account.PLATFORM_FEE, Money.cny(0))))).isInstanceOf(Rejection.class)
                .matches(r -> ((Rejection) r).fieldProblems().getFirst().message().equals("ledger.legs.zero"));
        assertThatThrownBy(() -> new Posting("k", "order:1", "", List.of(new Leg(Account.CLEARING, Money.cny(5)))))
                .isInstanceOf(Rejection.class);
    }

    @Test
    void refusesBadKeysReferencesAndMemos() {
        var legs = List.of(new Leg(Account.CLEARING, Money.cny(5)), new Leg(Account.PLATFORM_FEE, Money.cny(-5)));
        assertThatThrownBy(() -> new Posting("with space", "order:1", "", legs)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> new Posting("k", "no reference", "", legs)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> new Posting("k", "order:1", "x".repeat(201), legs)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> new Posting("k", "order:1", "bell\u0007", legs)).isInstanceOf(Rejection.class);
    }

    @Test
    void comparesLegsWhateverTheirOrder() {
        var a = order("k", 1990, 1642, 249, 99);
        var b = new Posting("k", "order:42", "", a.legs().reversed());
        assertThat(b.canonicalLegs()).isEqualTo(a.canonicalLegs());
        assertThat(a.reversedLegs().stream().mapToLong(l -> l.amount().minor()).sum()).isZero();
    }

    @Test
    void platformAccountsHaveNoOwnerAndOthersNeedOne() {
        assertThatThrownBy(() -> new Account(AccountType.CLEARING, 5)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> Account.merchant(0)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> new Account(null, 1)).isInstanceOf(Rejection.class);
        assertThat(Account.merchant(5)).hasToString("MERCHANT:5");
    }

    @Test
    void aPayoutIsAPostingWithAPayoutLeg() {
        var payout = new Posting("payout:1", "payout:1", "", List.of(new Leg(Account.merchant(7), Money.cny(500)),
                new Leg(Account.PAYOUT, Money.cny(-500))));
        assertThat(payout.payout()).isTrue();
    }

    @Test
    void negativeSettleableIsShownAsToRecoverNeverClamped() {
        var balance = new Balance(Account.merchant(7), Money.cny(-300), Money.cny(0), Money.cny(-300), Money.cny(1000));
        assertThat(balance.settleable()).isEqualTo(Money.cny(-300));
        assertThat(balance.toRecover()).isEqualTo(Money.cny(300));
        assertThat(balance.payable()).isEqualTo(Money.cny(0));
        var healthy = new Balance(Account.merchant(7), Money.cny(700), Money.cny(200), Money.cny(500), Money.cny(0));
        assertThat(healthy.toRecover()).isEqualTo(Money.cny(0));
        assertThat(healthy.payable()).isEqualTo(Money.cny(500));
    }
}
