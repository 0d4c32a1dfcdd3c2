package org.shequn.ledger.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.shequn.ledger.Account;
import org.shequn.ledger.AccountType;
import org.shequn.ledger.Balance;
import org.shequn.ledger.Ledger;
import org.shequn.ledger.LedgerInvariants;
import org.shequn.ledger.LedgerOperations;
import org.shequn.ledger.Payout;
import org.shequn.ledger.StatementLine;
import org.shequn.shared.Cursor;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' ledger over the API: every balance, an account's statement, recording a payout (with an
 * {@code Idempotency-Key} header) and the invariant check (200 UP, or 503 DOWN with the problems, like a health
 * endpoint). Amounts are integer minor units ({@code amountMinor}) beside their currency, never a decimal number.
 */
@RestController
@RequestMapping("/api/v1/operator/ledger")
class LedgerApi {

    static final int BALANCES_LIMIT = 500;

    record MoneyJson(long minor, String currency, String display) {
        static MoneyJson of(Money m) {
            return new MoneyJson(m.minor(), m.currency().name(), m.display());
        }
    }

    record BalanceJson(String accountType, long ownerId, MoneyJson total, MoneyJson pending, MoneyJson settleable,
                       MoneyJson paidOut, MoneyJson toRecover) {
        static BalanceJson of(Balance b) {
            return new BalanceJson(b.account().type().name(), b.account().ownerId(), MoneyJson.of(b.total()),
                    MoneyJson.of(b.pending()), MoneyJson.of(b.settleable()), MoneyJson.of(b.paidOut()),
                    MoneyJson.of(b.toRecover()));
        }
    }

    record LineJson(long entryId, long transactionId, String reference, String memo, MoneyJson amount, boolean payout,
                    Instant settleableFrom, Instant at) {
        static LineJson of(StatementLine l) {
            return new LineJson(l.entryId(), l.transactionId(), l.reference(), l.memo(), MoneyJson.of(l.amount()),
                    l.payout(), l.settleableFrom(), l.at());
        }
    }

    record StatementJson(BalanceJson balance, List<LineJson> items, String next) {
    }

    record PayoutRequest(String accountType, Long ownerId, Long amountMinor, String currency, String note) {
    }

    record PayoutJson(long id, long transactionId, String accountType, long ownerId, MoneyJson amount, String note,
                      long operatorId, Instant at, BalanceJson balance) {
    }

    record TotalsJson(MoneyJson collected, MoneyJson paidOut, MoneyJson held, MoneyJson feeEarned, MoneyJson toRefund) {
    }

    record RefundJson(long transactionId, String reference, String memo, MoneyJson amount, Instant at) {
    }

    /** The platform's totals, the settlement run (every account with something settleable) and the latest refunds. */
    record SummaryJson(TotalsJson totals, List<BalanceJson> settlementRun, List<RefundJson> refunds) {
    }

    record HealthJson(String status, long transactions, List<String> problems) {
    }

    private final Ledger ledger;
    private final LedgerOperations operations;
    private final LedgerInvariants invariants;

    LedgerApi(Ledger ledger, LedgerOperations operations, LedgerInvariants invariants) {
        this.ledger = ledger;
        this.operations = operations;
        this.invariants = invariants;
    }

    @GetMapping("/balances")
    List<BalanceJson> balances(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String type) {
        OperatorOnly.require(viewer);
        return LedgerViews.balances(ledger, type == null || type.isBlank() ? null : type(type), BALANCES_LIMIT).stream()
                .map(BalanceJson::of).toList();
    }

    @GetMapping("/accounts/{type}/{ownerId}")
    StatementJson statement(@AuthenticationPrincipal Viewer viewer, @PathVariable String type, @PathVariable long ownerId,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(required = false, defaultValue = "50") int limit) {
        OperatorOnly.require(viewer);
        var account = new Account(type(type), ownerId);
        var page = ledger.statementPage(account, Cursor.decode(cursor), limit);
        return new StatementJson(BalanceJson.of(ledger.balance(account)), page.items().stream().map(LineJson::of).toList(),
                page.next());
    }

    @PostMapping("/payouts")
    ResponseEntity<PayoutJson> payout(@AuthenticationPrincipal Viewer viewer,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                      @RequestBody(required = false) PayoutRequest body) {
        var operator = OperatorOnly.require(viewer);
        if (body == null) {
            throw Rejection.invalid("amountMinor", "ledger.amount.positive");
        }
        if (body.accountType() == null || body.ownerId() == null) {
            throw Rejection.invalid("accountType", "ledger.account.invalid");
        }
        var account = new Account(type(body.accountType()), body.ownerId());
        if (body.amountMinor() == null || body.amountMinor() <= 0) {
            throw Rejection.invalid("amountMinor", "ledger.amount.positive");
        }
        var payout = operations.payout(account, new Money(body.amountMinor(), currency(body.currency())), body.note(),
                key, operator.accountId());
        return ResponseEntity.created(URI.create("/api/v1/operator/ledger/accounts/" + account.type().name() + "/"
                + account.ownerId())).body(json(payout, ledger.balance(account)));
    }

    @GetMapping("/summary")
    SummaryJson summary(@AuthenticationPrincipal Viewer viewer) {
        OperatorOnly.require(viewer);
        var t = org.shequn.ledger.view.PlatformTotals.of(ledger);
        var run = org.shequn.ledger.view.LedgerPage.run(LedgerViews.balances(ledger, null, BALANCES_LIMIT));
        return new SummaryJson(new TotalsJson(MoneyJson.of(t.collected()), MoneyJson.of(t.paidOut()), MoneyJson.of(t.held()),
                MoneyJson.of(t.feeEarned()), MoneyJson.of(t.toRefund())), run.stream().map(r -> BalanceJson.of(r.balance())).toList(),
                ledger.recentReversals(50).stream().map(r -> new RefundJson(r.transactionId(), r.reference(), r.memo(),
                        MoneyJson.of(r.amount()), r.at())).toList());
    }

    @GetMapping("/health")
    ResponseEntity<HealthJson> health(@AuthenticationPrincipal Viewer viewer) {
        OperatorOnly.require(viewer);
        var report = invariants.check();
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(new HealthJson(report.ok() ? "UP" : "DOWN", report.transactions(), report.problems()));
    }

    private static PayoutJson json(Payout p, Balance after) {
        return new PayoutJson(p.id(), p.transactionId(), p.account().type().name(), p.account().ownerId(),
                MoneyJson.of(p.amount()), p.note(), p.operatorId(), p.at(), BalanceJson.of(after));
    }

    static AccountType type(String type) {
        try {
            return AccountType.valueOf(type == null ? "" : type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("accountType", "ledger.account.invalid");
        }
    }

    static Money.Currency currency(String currency) {
        try {
            return Money.Currency.valueOf(currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("currency", "ledger.currency.invalid");
        }
    }
}
