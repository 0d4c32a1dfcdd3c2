package org.shequn.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shequn.ledger.LedgerAssertions.assertBalanced;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.shequn.AtOnce;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Posting, idempotency, reversal, settlement and payouts against the database, with the invariants after each. */
@IntegrationTest
class LedgerTests {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    Ledger ledger;
    @Autowired
    LedgerOperations operations;
    @Autowired
    LedgerInvariants invariants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    /** One paid order's accounts, unique to the test. */
    record Order(String reference, Account merchant, Account community, Account referrer) {
        Posting paid(String key, long total, long merchantShare, long commission, long referral, long fee) {
            return new Posting(key, reference, "订单已支付", List.of(
                    new Leg(Account.CLEARING, Money.cny(total)),
                    new Leg(merchant, Money.cny(-merchantShare)),
                    new Leg(community, Money.cny(-commission)),
                    new Leg(referrer, Money.cny(-referral)),
                    new Leg(Account.PLATFORM_FEE, Money.cny(-fee))));
        }

        Posting refund(String key, long total, long merchantShare, long commission, long referral, long fee) {
            var paid = paid(key, total, merchantShare, commission, referral, fee);
            return new Posting(key, reference, "退款", paid.reversedLegs());
        }
    }

    static Order order() {
        long id = IDS.incrementAndGet();
        return new Order("ledgertest:" + id, Account.merchant(id), Account.communityCommission(id), Account.referrer(id));
    }

    static String key(String prefix) {
        return prefix + ":" + IDS.incrementAndGet();
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aPaidOrderIsOneBalancedTransactionAndItsCreditsArePending() {
        var o = order();
        long id = ledger.post(o.paid(key("payment"), 1990, 1592, 249, 50, 99));
        assertThat(id).isPositive();
        var merchant = ledger.balance(o.merchant());
        assertThat(merchant.total()).isEqualTo(Money.cny(1592));
        assertThat(merchant.pending()).isEqualTo(Money.cny(1592));
        assertThat(merchant.settleable()).isEqualTo(Money.cny(0));
        assertThat(merchant.paidOut()).isEqualTo(Money.cny(0));
        assertThat(ledger.balance(o.community()).pending()).isEqualTo(Money.cny(249));
        assertThat(ledger.balance(o.referrer()).pending()).isEqualTo(Money.cny(50));
        var statement = ledger.statement(o.merchant(), null, 10);
        assertThat(statement).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(Money.cny(1592));
            assertThat(line.reference()).isEqualTo(o.reference());
            assertThat(line.settleableFrom()).isNull();
        });
        assertBalanced(invariants, Map.of(o.reference(), Money.cny(1990)));
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    /**
     * The cached balances are written as the transaction commits: several postings in one transaction add up, one that
     * rolls back leaves no trace, and a posting in a transaction of its own begun inside another (REQUIRES_NEW) stands
     * with its balances when the outer one rolls back.
     */
    @Test
    void balancesFollowTheTransactionThatPostedThem() {
        var outer = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        var inner = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        var together = order();
        outer.executeWithoutResult(status -> {
            ledger.post(together.paid(key("payment"), 1000, 800, 100, 50, 50));
            ledger.post(together.paid(key("payment"), 2000, 1600, 200, 100, 100));
        });
        assertThat(ledger.balance(together.merchant()).total()).isEqualTo(Money.cny(2400));
        var undone = order();
        var kept = order();
        outer.executeWithoutResult(status -> {
            ledger.post(undone.paid(key("payment"), 1000, 800, 100, 50, 50));
            inner.executeWithoutResult(s -> ledger.post(kept.paid(key("payment"), 500, 400, 50, 25, 25)));
            status.setRollbackOnly();
        });
        assertThat(ledger.balance(undone.merchant()).total()).isEqualTo(Money.cny(0));
        assertThat(ledger.balance(kept.merchant()).total()).isEqualTo(Money.cny(400));
        assertBalanced(invariants, Map.of(together.reference(), Money.cny(3000), undone.reference(), Money.cny(0),
                kept.reference(), Money.cny(500)));
    }

    @Test
    void theSameKeyAndLegsAgainIsTheSameTransactionWithNoNewRows() {
        var o = order();
        var key = key("payment");
        long first = ledger.post(o.paid(key, 1000, 800, 100, 50, 50));
        long transactions = rows("ledger_transactions");
        long entries = rows("ledger_entries");
        var legsInOtherOrder = new Posting(key, o.reference(), "again", o.paid(key, 1000, 800, 100, 50, 50).legs().reversed());
        assertThat(ledger.post(legsInOtherOrder)).isEqualTo(first);
        assertThat(rows("ledger_transactions")).isEqualTo(transactions);
        assertThat(rows("ledger_entries")).isEqualTo(entries);
        assertThat(ledger.balance(o.merchant()).total()).isEqualTo(Money.cny(800));
        assertBalanced(invariants);
    }

    @Test
    void theSameKeyWithOtherLegsIsAConflictAndWritesNothing() {
        var o = order();
        var key = key("payment");
        ledger.post(o.paid(key, 1000, 800, 100, 50, 50));
        long entries = rows("ledger_entries");
        assertThatThrownBy(() -> ledger.post(o.paid(key, 1000, 700, 200, 50, 50)))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(ProblemKind.CONFLICT));
        assertThat(rows("ledger_entries")).isEqualTo(entries);
        assertThat(ledger.balance(o.merchant()).total()).isEqualTo(Money.cny(800));
        assertBalanced(invariants);
    }

    @Test
    void twoThreadsPostingTheSameKeyMakeOneTransaction() throws Exception {
        var o = order();
        var key = key("payment");
        var posting = o.paid(key, 1990, 1592, 249, 50, 99);
        var ids = AtOnce.call(8, i -> () -> ledger.post(posting));
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(jdbc.sql("select count(*) from ledger_transactions where idempotency_key = ?").param(key)
                .query(Long.class).single()).isOne();
        assertThat(ledger.balance(o.merchant()).total()).isEqualTo(Money.cny(1592));
        assertBalanced(invariants, Map.of(o.reference(), Money.cny(1990)));
    }

    @Test
    void aReversalUndoesThePostingOnceAndOnlyOnce() {
        var o = order();
        var key = key("payment");
        ledger.post(o.paid(key, 1000, 800, 100, 50, 50));
        var refundKey = key("refund");
        long reversal = ledger.reverse(key, refundKey, "全额退款");
        assertThat(ledger.reverse(key, refundKey, "全额退款")).as("the same reversal again").isEqualTo(reversal);
        assertThatThrownBy(() -> ledger.reverse(key, key("refund"), "again"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(ProblemKind.CONFLICT));
        assertThatThrownBy(() -> ledger.reverse("no-such-key", key("refund"), ""))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        assertThat(ledger.balance(o.merchant()).total()).isEqualTo(Money.cny(0));
        assertThat(ledger.balance(o.community()).total()).isEqualTo(Money.cny(0));
        assertThat(ledger.statement(o.merchant(), null, 10)).extracting(StatementLine::amount)
                .containsExactly(Money.cny(-800), Money.cny(800));
        assertBalanced(invariants, Map.of(o.reference(), Money.cny(0)));
    }

    @Test
    void creditsBecomeSettleableWhenTheReferenceIsReleased() {
        var o = order();
        ledger.post(o.paid(key("payment"), 1000, 800, 100, 50, 50));
        // a partial refund inside the window takes the pending amount down
        ledger.post(o.refund(key("refund"), 200, 160, 20, 10, 10));
        var windowCloses = clock.instant().plus(Duration.ofDays(3));
        ledger.markSettleable(o.reference(), windowCloses);
        assertThat(ledger.balance(o.merchant()).pending()).as("before the window closes").isEqualTo(Money.cny(640));
        clock.advance(Duration.ofDays(4));
        var merchant = ledger.balance(o.merchant());
        assertThat(merchant.pending()).isEqualTo(Money.cny(0));
        assertThat(merchant.settleable()).isEqualTo(Money.cny(640));
        assertThat(ledger.balance(o.community()).settleable()).isEqualTo(Money.cny(80));
        ledger.markSettleable(o.reference(), clock.instant().plus(Duration.ofDays(30)));
        assertThat(ledger.balance(o.merchant()).settleable()).as("a second release changes nothing").isEqualTo(Money.cny(640));
        assertThat(ledger.balance(Account.CLEARING).total().minor()).as("clearing is never settled").isNotZero();
        assertBalanced(invariants, Map.of(o.reference(), Money.cny(800)));
    }

    @Test
    void aPayoutTakesSettleableAndIsRefusedAboveIt() {
        var o = order();
        ledger.post(o.paid(key("payment"), 1000, 800, 100, 50, 50));
        assertThatThrownBy(() -> operations.payout(o.merchant(), Money.cny(1), "银行转账", key("pay"), 1))
                .as("nothing settleable yet").isInstanceOf(Rejection.class);
        ledger.markSettleable(o.reference(), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        var payKey = key("pay");
        var payout = operations.payout(o.merchant(), Money.cny(500), "银行转账 0001", payKey, 1);
        assertThat(operations.payout(o.merchant(), Money.cny(500), "银行转账 0001", payKey, 1).id()).isEqualTo(payout.id());
        assertThatThrownBy(() -> operations.payout(o.merchant(), Money.cny(400), "x", payKey, 1))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(ProblemKind.CONFLICT));
        long entries = rows("ledger_entries");
        assertThatThrownBy(() -> operations.payout(o.merchant(), Money.cny(301), "银行转账", key("pay"), 1))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.fieldProblems().getFirst().message())
                        .isEqualTo("ledger.payout.aboveSettleable"));
        assertThat(rows("ledger_entries")).isEqualTo(entries);
        var merchant = ledger.balance(o.merchant());
        assertThat(merchant.settleable()).isEqualTo(Money.cny(300));
        assertThat(merchant.paidOut()).isEqualTo(Money.cny(500));
        assertThat(merchant.total()).isEqualTo(Money.cny(300));
        assertBalanced(invariants, Map.of(o.reference(), Money.cny(1000)));
    }

    @Test
    void aRefundAfterSettlementLeavesSomethingToRecoverAndTheNextPayoutNetsIt() {
        var first = order();
        ledger.post(first.paid(key("payment"), 1000, 800, 100, 50, 50));
        ledger.markSettleable(first.reference(), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        operations.payout(first.merchant(), Money.cny(800), "全部结算", key("pay"), 1);
        // the buyer is refunded after the merchant was paid: the merchant owes it back (待追回)
        ledger.post(first.refund(key("refund"), 1000, 800, 100, 50, 50));
        var owing = ledger.balance(first.merchant());
        assertThat(owing.settleable()).isEqualTo(Money.cny(-800));
        assertThat(owing.toRecover()).isEqualTo(Money.cny(800));
        assertThatThrownBy(() -> operations.payout(first.merchant(), Money.cny(1), "x", key("pay"), 1))
                .isInstanceOf(Rejection.class);
        // the merchant's next order settles: the recovery is taken first, only the rest can be paid
        var second = new Order(key("ledgertest"), first.merchant(), first.community(), first.referrer());
        ledger.post(second.paid(key("payment"), 1500, 1200, 150, 75, 75));
        ledger.markSettleable(second.reference(), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        var netted = ledger.balance(first.merchant());
        assertThat(netted.settleable()).isEqualTo(Money.cny(400));
        assertThat(netted.toRecover()).isEqualTo(Money.cny(0));
        assertThatThrownBy(() -> operations.payout(first.merchant(), Money.cny(401), "x", key("pay"), 1))
                .isInstanceOf(Rejection.class);
        operations.payout(first.merchant(), Money.cny(400), "余款结算", key("pay"), 1);
        var settled = ledger.balance(first.merchant());
        assertThat(settled.settleable()).isEqualTo(Money.cny(0));
        assertThat(settled.paidOut()).isEqualTo(Money.cny(1200));
        assertBalanced(invariants, Map.of(first.reference(), Money.cny(0), second.reference(), Money.cny(1500)));
    }

    @Test
    void twoPayoutsAtOnceNeverExceedSettleable() throws Exception {
        var o = order();
        ledger.post(o.paid(key("payment"), 1000, 800, 100, 50, 50));
        ledger.markSettleable(o.reference(), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        var paid = AtOnce.call(6, i -> () -> {
            try {
                operations.payout(o.merchant(), Money.cny(300), "并发结算", key("pay"), 1);
                return true;
            } catch (Rejection refused) {
                return false;
            }
        });
        assertThat(paid).filteredOn(Boolean::booleanValue).hasSize(2);
        assertThat(ledger.balance(o.merchant()).settleable()).isEqualTo(Money.cny(200));
        assertBalanced(invariants);
    }

    @Test
    void theInvariantCheckFindsAnEntryWrittenBehindTheLedgersBack() {
        var o = order();
        long id = ledger.post(o.paid(key("payment"), 1000, 800, 100, 50, 50));
        assertThat(invariants.check(Map.of(o.reference(), Money.cny(999))).problems()).singleElement()
                .asString().contains(o.reference());
        jdbc.sql("""
                insert into ledger_entries (transaction_id, account_type, owner_id, amount_minor, currency, payout, created_at)
                values (?, 'MERCHANT', ?, -1, 'CNY', false, current_timestamp)""").params(id, o.merchant().ownerId()).update();
        try {
            var report = invariants.check();
            assertThat(report.ok()).isFalse();
            assertThat(report.problems()).anyMatch(p -> p.contains("transaction " + id))
                    .anyMatch(p -> p.contains("balance MERCHANT:" + o.merchant().ownerId()));
        } finally {
            jdbc.sql("delete from ledger_entries where transaction_id = ? and amount_minor = -1").param(id).update();
        }
        assertBalanced(invariants);
    }

    @Test
    void aReleaseRacingWithRefundsLeavesNothingPending() throws Exception {
        var o = order();
        ledger.post(o.paid(key("payment"), 1000, 800, 100, 50, 50));
        // five refunds and the release, at once
        AtOnce.call(6, i -> () -> {
            if (i < 5) {
                return ledger.post(o.refund(key("refund"), 20, 16, 2, 1, 1));
            }
            ledger.markSettleable(o.reference(), clock.instant());
            return null;
        });
        clock.advance(Duration.ofSeconds(1));
        var merchant = ledger.balance(o.merchant());
        assertThat(merchant.pending()).isEqualTo(Money.cny(0));
        assertThat(merchant.settleable()).isEqualTo(Money.cny(800 - 5 * 16));
        assertBalanced(invariants, Map.of(o.reference(), Money.cny(900)));
    }

    @Test
    void aStatementPagesNewestFirst() {
        var o = order();
        ledger.post(o.paid(key("payment"), 1000, 800, 100, 50, 50));
        ledger.post(o.refund(key("refund"), 100, 80, 10, 5, 5));
        ledger.post(o.refund(key("refund"), 200, 160, 20, 10, 10));
        var first = ledger.statementPage(o.merchant(), null, 2);
        assertThat(first.items()).extracting(StatementLine::amount).containsExactly(Money.cny(-160), Money.cny(-80));
        assertThat(first.next()).isNotNull();
        var second = ledger.statementPage(o.merchant(), org.shequn.shared.Cursor.decode(first.next()), 2);
        assertThat(second.items()).extracting(StatementLine::amount).containsExactly(Money.cny(800));
        assertThat(second.next()).isNull();
    }
}
