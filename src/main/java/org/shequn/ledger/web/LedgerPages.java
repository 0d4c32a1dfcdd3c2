package org.shequn.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.shequn.ledger.Account;
import org.shequn.ledger.Ledger;
import org.shequn.ledger.LedgerInvariants;
import org.shequn.ledger.LedgerOperations;
import org.shequn.ledger.view.BalanceRow;
import org.shequn.ledger.view.LedgerPage;
import org.shequn.shared.Cursor;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The operators' ledger page: the invariant check, balances, an account's statement, and recording a payout. */
@Controller
class LedgerPages {

    private final Ledger ledger;
    private final LedgerOperations operations;
    private final LedgerInvariants invariants;
    private final MessageSource messages;

    LedgerPages(Ledger ledger, LedgerOperations operations, LedgerInvariants invariants, MessageSource messages) {
        this.ledger = ledger;
        this.operations = operations;
        this.invariants = invariants;
        this.messages = messages;
    }

    @GetMapping("/operator/ledger")
    String page(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String type,
                @RequestParam(required = false) Long owner, @RequestParam(required = false) String cursor, Model model) {
        OperatorOnly.require(viewer);
        Account selected = type == null || type.isBlank() || owner == null ? null : new Account(LedgerApi.type(type), owner);
        return page(model, selected, Cursor.decode(cursor), FormErrors.NONE);
    }

    @PostMapping("/operator/ledger/payouts")
    String payout(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String accountType,
                  @RequestParam(required = false) String ownerId, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String idempotencyKey,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var operator = OperatorOnly.require(viewer);
        Account account = null;
        try {
            long owner;
            try {
                owner = Long.parseLong(ownerId == null ? "" : ownerId.strip());
            } catch (NumberFormatException e) {
                throw Rejection.invalid("ownerId", "ledger.account.invalid");
            }
            account = new Account(LedgerApi.type(accountType), owner);
            var money = Money.parse(amount, Money.Currency.CNY, "amount");
            if (money.minor() <= 0) {
                throw Rejection.invalid("amount", "ledger.amount.positive");
            }
            var payout = operations.payout(account, money, note, idempotencyKey, operator.accountId());
            Flash.ok(redirect, "ledger.payout.done", payout.amount().display());
            return "redirect:/operator/ledger?type=" + account.type().name() + "&owner=" + account.ownerId();
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return page(model, account, null, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)));
        }
    }

    private String page(Model model, Account selected, Cursor cursor, FormErrors errors) {
        var statement = selected == null ? null : ledger.statementPage(selected, cursor, 50);
        var more = statement == null || statement.next() == null ? null
                : "/operator/ledger?type=" + selected.type().name() + "&owner=" + selected.ownerId() + "&cursor=" + statement.next();
        var balances = LedgerViews.balances(ledger, null, LedgerApi.BALANCES_LIMIT);
        model.addAttribute("view", new LedgerPage(invariants.check(), balances.stream().map(BalanceRow::of).toList(),
                operations.recentPayouts(20), UUID.randomUUID().toString(),
                selected == null ? null : ledger.balance(selected), statement, more,
                org.shequn.ledger.view.PlatformTotals.of(ledger), LedgerPage.run(balances), ledger.recentReversals(20)));
        model.addAttribute("errors", errors);
        model.addAttribute("types", org.shequn.ledger.AccountType.values());
        return "ledger/operator";
    }
}
