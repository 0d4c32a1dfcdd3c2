package org.shequn.earnings.web;

import java.time.Instant;
import java.util.List;
import org.shequn.commerce.CommunitySalesRow;
import org.shequn.commerce.SalesFigures;
import org.shequn.earnings.Earnings;
import org.shequn.entry.EntryIncome;
import org.shequn.ledger.Balance;
import org.shequn.ledger.StatementLine;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The money views over the API: a community's earnings (its owner and admins) and the viewer's shop's earnings.
 * Amounts are integer minor units beside their currency, never a decimal number.
 */
@RestController
class EarningsApi {

    record MoneyJson(long minor, String currency, String display) {
        static MoneyJson of(Money m) {
            return new MoneyJson(m.minor(), m.currency().name(), m.display());
        }
    }

    record BalanceJson(MoneyJson total, MoneyJson pending, MoneyJson settleable, MoneyJson paidOut, MoneyJson toRecover) {
        static BalanceJson of(Balance b) {
            return new BalanceJson(MoneyJson.of(b.total()), MoneyJson.of(b.pending()), MoneyJson.of(b.settleable()),
                    MoneyJson.of(b.paidOut()), MoneyJson.of(b.toRecover()));
        }
    }

    record LineJson(long entryId, String reference, String memo, MoneyJson amount, String state, Instant settleableFrom,
                    Instant at) {
        static LineJson of(StatementLine l, Instant now) {
            return new LineJson(l.entryId(), l.reference(), l.memo(), MoneyJson.of(l.amount()), EarningsPages.state(l, now),
                    l.settleableFrom(), l.at());
        }
    }

    record StatementJson(String account, List<LineJson> items, String next) {
    }

    record SalesJson(int orders, MoneyJson amount, MoneyJson commission) {
        static SalesJson of(SalesFigures s) {
            return new SalesJson(s.orders(), MoneyJson.of(s.amount()), MoneyJson.of(s.commission()));
        }
    }

    record TallyJson(int count, MoneyJson amount) {
        static TallyJson of(EntryIncome.Tally t) {
            return new TallyJson(t.count(), MoneyJson.of(t.amount()));
        }
    }

    record IncomeJson(TallyJson joins, TallyJson renewals, TallyJson joinsThisMonth, TallyJson renewalsThisMonth) {
        static IncomeJson of(EntryIncome i) {
            return new IncomeJson(TallyJson.of(i.joins()), TallyJson.of(i.renewals()), TallyJson.of(i.joinsThisMonth()),
                    TallyJson.of(i.renewalsThisMonth()));
        }
    }

    record CommunityJson(String slug, BalanceJson commission, BalanceJson entry, SalesJson sales,
                         SalesJson salesThisMonth, IncomeJson entryIncome, StatementJson statement) {
    }

    record ByCommunityJson(long communityId, String communityName, String communitySlug, int orders, MoneyJson amount,
                           MoneyJson merchantShare) {
        static ByCommunityJson of(CommunitySalesRow r) {
            return new ByCommunityJson(r.communityId(), r.communityName(), r.communitySlug(), r.orders(),
                    MoneyJson.of(r.amount()), MoneyJson.of(r.merchantShare()));
        }
    }

    record ShopJson(long shopId, BalanceJson balance, List<ByCommunityJson> byCommunity, StatementJson statement) {
    }

    private final Earnings earnings;
    private final java.time.Clock clock;

    EarningsApi(Earnings earnings, java.time.Clock clock) {
        this.earnings = earnings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/communities/{slug}/earnings")
    CommunityJson community(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                            @RequestParam(required = false) String statement, @RequestParam(required = false) String cursor) {
        var e = earnings.community(viewer, slug, statement, cursor);
        var now = clock.instant();
        return new CommunityJson(e.community().slug(), BalanceJson.of(e.commission()), BalanceJson.of(e.entry()),
                SalesJson.of(e.sales()), SalesJson.of(e.salesThisMonth()), IncomeJson.of(e.income()),
                new StatementJson(e.statementOf(), e.statement().items().stream().map(l -> LineJson.of(l, now)).toList(),
                        e.statement().next()));
    }

    @GetMapping("/api/v1/shops/mine/earnings")
    ShopJson shop(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor) {
        var e = earnings.shop(viewer, cursor);
        var now = clock.instant();
        return new ShopJson(e.shopId(), BalanceJson.of(e.balance()), e.byCommunity().stream().map(ByCommunityJson::of).toList(),
                new StatementJson("merchant", e.statement().items().stream().map(l -> LineJson.of(l, now)).toList(), e.statement().next()));
    }
}
