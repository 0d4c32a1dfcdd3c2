package org.shequn.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operator's payouts; each row points at the ledger transaction that moved the money. */
@Repository
class PayoutStore {

    private static final String COLUMNS = "id, transaction_id, account_type, owner_id, amount_minor, currency, note, operator_id, created_at";

    private final JdbcClient jdbc;

    PayoutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Account account, Money amount, String note, long operatorId, String key, Instant now) {
        jdbc.sql("""
                insert into ledger_payouts (account_type, owner_id, amount_minor, currency, note, operator_id,
                                            idempotency_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(account.type().name(), account.ownerId(), amount.minor(), amount.currency().name(), note,
                        operatorId, key, LedgerStore.at(now)).update();
        return jdbc.sql("select id from ledger_payouts where idempotency_key = ?").param(key).query(Long.class).single();
    }

    void recordTransaction(long payoutId, long transactionId) {
        jdbc.sql("update ledger_payouts set transaction_id = ? where id = ?").params(transactionId, payoutId).update();
    }

    Optional<Payout> byKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from ledger_payouts where idempotency_key = ?").param(key)
                .query((rs, n) -> payout(rs)).optional();
    }

    List<Payout> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from ledger_payouts order by created_at desc, id desc limit " + limit)
                .query((rs, n) -> payout(rs)).list();
    }

    private static Payout payout(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Payout(rs.getLong("id"), rs.getLong("transaction_id"),
                new Account(AccountType.valueOf(rs.getString("account_type")), rs.getLong("owner_id")),
                LedgerStore.money(rs, "amount_minor"), rs.getString("note"), rs.getLong("operator_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
