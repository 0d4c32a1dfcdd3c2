package org.shequn.earnings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.shequn.commerce.Orders;
import org.shequn.commerce.Shops;
import org.shequn.entry.PaidEntry;
import org.shequn.ledger.Account;
import org.shequn.ledger.Ledger;
import org.shequn.membership.CommunityGate;
import org.shequn.shared.Cursor;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * The owners' and merchants' money views. A community's earnings are its owner's and admins' (the runners, who see
 * its sales already); members and outsiders are refused by the gate. A shop's earnings are its merchant's.
 */
@Service
public class Earnings {

    /** Months begin in China's time, where the communities are. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int STATEMENT_SIZE = 30;

    private final CommunityGate gate;
    private final Ledger ledger;
    private final Orders orders;
    private final Shops shops;
    private final PaidEntry entry;
    private final Clock clock;

    Earnings(CommunityGate gate, Ledger ledger, Orders orders, Shops shops, PaidEntry entry, Clock clock) {
        this.gate = gate;
        this.ledger = ledger;
        this.orders = orders;
        this.shops = shops;
        this.entry = entry;
        this.clock = clock;
    }

    public CommunityEarnings community(Viewer viewer, String slug, String statementOf, String cursor) {
        var standing = gate.of(viewer, slug).requireRunner("earnings.runnersOnly");
        var which = statementOf == null || statementOf.isBlank() ? "commission" : statementOf.strip();
        if (!which.equals("commission") && !which.equals("entry")) {
            throw Rejection.invalid("statement", "earnings.statement.invalid");
        }
        long id = standing.communityId();
        var commission = Account.communityCommission(id);
        var entryAccount = Account.communityEntry(id);
        var monthStart = monthStart();
        return new CommunityEarnings(standing.community(), standing.owner(), ledger.balance(commission),
                ledger.balance(entryAccount), which,
                ledger.statementPage(which.equals("entry") ? entryAccount : commission, Cursor.decode(cursor), STATEMENT_SIZE),
                orders.salesFigures(viewer, slug, null), orders.salesFigures(viewer, slug, monthStart),
                entry.income(viewer, slug, monthStart));
    }

    public ShopEarnings shop(Viewer viewer, String cursor) {
        long shopId = shops.ownShopId(viewer);
        var account = Account.merchant(shopId);
        return new ShopEarnings(shopId, ledger.balance(account),
                ledger.statementPage(account, Cursor.decode(cursor), STATEMENT_SIZE), orders.salesByCommunity(viewer));
    }

    OffsetDateTime monthStart() {
        return OffsetDateTime.now(clock).atZoneSameInstant(ZONE).toLocalDate().withDayOfMonth(1).atStartOfDay(ZONE)
                .toOffsetDateTime();
    }
}
