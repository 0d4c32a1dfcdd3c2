package org.shequn.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shequn.shared.Cursor;
import org.shequn.shared.jdbc.LockRows;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger tables. Transactions and entries are only inserted; a balance changes only by an atomic increment in the
 * transaction that inserts its entries; settleable_from is set once (null → a time).
 */
@Repository
class LedgerStore {

    /** A stored transaction with its legs, for the same key again and for reversal. */
    record Stored(long id, String reference, String memo, Long reversesId, List<Leg> legs) {
    }

    /** An account's entries summed by bucket at one instant. */
    record Sums(long total, long settleable, long paidOut) {
    }

    private final JdbcClient jdbc;
    private final LockRows referenceLocks;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.referenceLocks = new LockRows(jdbc, "ledger_references", List.of("reference"));
    }

    /** The new transaction's id, or empty when the key was used before (that transaction stands). */
    Optional<Long> insertUnlessKeyUsed(String key, String reference, String memo, Long reversesId, Instant now) {
        int inserted = jdbc.sql("""
                insert into ledger_transactions (idempotency_key, reference, memo, reverses_id, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(key, reference, memo, reversesId, at(now)).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select id from ledger_transactions where idempotency_key = ?").param(key)
                .query(Long.class).single());
    }

    void insertEntry(long transactionId, Leg leg, boolean payout, Instant settleableFrom, Instant now) {
        jdbc.sql("""
                insert into ledger_entries (transaction_id, account_type, owner_id, amount_minor, currency, payout,
                                            settleable_from, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(transactionId, leg.account().type().name(), leg.account().ownerId(), leg.amount().minor(),
                        leg.amount().currency().name(), payout, at(settleableFrom), at(now))
                .update();
    }

    /** How many rows an account's cached balance is spread over (V64); the balance is their sum. */
    static final int STRIPES = 8;

    /** Adds to one stripe of the account's cached balance, under that row's lock (the row is made on first use). */
    void addToBalance(Account account, Money amount, int stripe) {
        if (addedToStripe(account, amount, stripe) == 0) {
            // first use: a simultaneous first use waits for ours and then inserts nothing
            createStripe(account, amount.currency(), stripe);
            addedToStripe(account, amount, stripe);
        }
    }

    private int addedToStripe(Account account, Money amount, int stripe) {
        return jdbc.sql("""
                update ledger_balances set balance_minor = balance_minor + ?
                where account_type = ? and owner_id = ? and currency = ? and stripe = ?""")
                .params(amount.minor(), account.type().name(), account.ownerId(), amount.currency().name(), stripe)
                .update();
    }

    private void createStripe(Account account, Money.Currency currency, int stripe) {
        jdbc.sql("""
                insert into ledger_balances (account_type, owner_id, currency, stripe, balance_minor) values (?, ?, ?, ?, 0)
                on conflict do nothing""").params(account.type().name(), account.ownerId(), currency.name(), stripe).update();
    }

    /**
     * Locks the account's stripe 0 until the transaction ends: the account's own lock, so payouts of one account go
     * one after the other.
     */
    void lockBalance(Account account, Money.Currency currency) {
        if (!lockedBalance(account, currency)) {
            createStripe(account, currency, 0);
            lockedBalance(account, currency);
        }
    }

    private boolean lockedBalance(Account account, Money.Currency currency) {
        return jdbc.sql("""
                select 1 from ledger_balances where account_type = ? and owner_id = ? and currency = ? and stripe = 0
                for update""")
                .params(account.type().name(), account.ownerId(), currency.name()).query(Integer.class).optional().isPresent();
    }

    Optional<Stored> byKey(String key) {
        return jdbc.sql("select id, reference, memo, reverses_id from ledger_transactions where idempotency_key = ?")
                .param(key).query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("reference"), rs.getString("memo"),
                        (Long) rs.getObject("reverses_id", Long.class), legs(rs.getLong("id"))))
                .optional();
    }

    Optional<Long> reversalOf(long transactionId) {
        return jdbc.sql("select id from ledger_transactions where reverses_id = ?").param(transactionId)
                .query(Long.class).optional();
    }

    private List<Leg> legs(long transactionId) {
        return jdbc.sql("""
                select account_type, owner_id, amount_minor, currency from ledger_entries where transaction_id = ?
                order by id""").param(transactionId)
                .query((rs, n) -> new Leg(new Account(AccountType.valueOf(rs.getString("account_type")), rs.getLong("owner_id")),
                        money(rs, "amount_minor")))
                .list();
    }

    /**
     * Locks the reference's row until the transaction ends (made on its first use) and says from when it is settleable:
     * empty while it is pending.
     */
    Optional<Instant> lockReference(String reference) {
        referenceLocks.lock(reference);
        return jdbc.sql("select settleable_from from ledger_references where reference = ?").param(reference)
                .query((rs, n) -> {
                    var from = rs.getObject("settleable_from", OffsetDateTime.class);
                    return Optional.ofNullable(from == null ? null : from.toInstant());
                }).single();
    }

    /** False when the reference was released before (its first time stands); needs its lock. */
    boolean releaseReference(String reference, Instant from) {
        return jdbc.sql("update ledger_references set settleable_from = ? where reference = ? and settleable_from is null")
                .params(at(from), reference).update() == 1;
    }

    /** Marks the reference's still pending entries of settling accounts settleable from {@code from}. */
    int markSettleable(String reference, Instant from) {
        return jdbc.sql("""
                update ledger_entries set settleable_from = ?
                where settleable_from is null and account_type not in ('CLEARING', 'PAYOUT')
                  and transaction_id in (select id from ledger_transactions where reference = ?)""")
                .params(at(from), reference).update();
    }

    Sums sums(Account account, Money.Currency currency, Instant now) {
        return jdbc.sql("""
                select coalesce(sum(amount_minor), 0) as total,
                       coalesce(sum(case when settleable_from <= ? then amount_minor else 0 end), 0) as settleable,
                       coalesce(sum(case when payout then amount_minor else 0 end), 0) as paid_out
                from ledger_entries where account_type = ? and owner_id = ? and currency = ?""")
                .params(at(now), account.type().name(), account.ownerId(), currency.name())
                .query((rs, n) -> new Sums(rs.getLong("total"), rs.getLong("settleable"), rs.getLong("paid_out")))
                .single();
    }

    /** Every account that has a cached balance, by type and owner. */
    List<Account> accounts(AccountType type, int limit) {
        var params = new ArrayList<Object>();
        var sql = new StringBuilder("select distinct account_type, owner_id from ledger_balances");
        if (type != null) {
            sql.append(" where account_type = ?");
            params.add(type.name());
        }
        sql.append(" order by account_type, owner_id limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Account(AccountType.valueOf(rs.getString("account_type")), rs.getLong("owner_id")))
                .list();
    }

    /** The account's entries, newest first, strictly after {@code before}. */
    /** The latest reversals (refunds), newest first, with what each took out of clearing. */
    List<Reversal> reversals(int limit) {
        return jdbc.sql("""
                select t.id, t.reference, t.memo, e.amount_minor, e.currency, t.created_at
                from ledger_transactions t join ledger_entries e on e.transaction_id = t.id and e.account_type = 'CLEARING'
                where t.reverses_id is not null order by t.created_at desc, t.id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new Reversal(rs.getLong(1), rs.getString(2), rs.getString(3),
                        new Money(-rs.getLong(4), Money.Currency.valueOf(rs.getString(5).strip())),
                        rs.getObject(6, java.time.OffsetDateTime.class).toInstant())).list();
    }

    List<StatementLine> statement(Account account, Money.Currency currency, Cursor before, int limit) {
        var params = new ArrayList<Object>(List.of(account.type().name(), account.ownerId(), currency.name()));
        var sql = new StringBuilder("""
                select e.id, e.transaction_id, t.reference, t.memo, e.amount_minor, e.currency, e.payout,
                       e.settleable_from, e.created_at
                from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
                where e.account_type = ? and e.owner_id = ? and e.currency = ?""");
        if (before != null) {
            var time = before.time();
            sql.append(" and e.created_at <= ? and (e.created_at < ? or e.id < ?)");
            params.addAll(List.of(time, time, before.id()));
        }
        sql.append(" order by e.created_at desc, e.id desc limit ").append(Math.max(1, limit));
        boolean credit = account.type().credit();
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            var amount = money(rs, "amount_minor");
            var from = rs.getObject("settleable_from", OffsetDateTime.class);
            return new StatementLine(rs.getLong("id"), rs.getLong("transaction_id"), rs.getString("reference"),
                    rs.getString("memo"), credit ? amount.negate() : amount, rs.getBoolean("payout"),
                    from == null ? null : from.toInstant(), rs.getObject("created_at", OffsetDateTime.class).toInstant());
        }).list();
    }

    OffsetDateTime entryTime(long entryId) {
        return jdbc.sql("select created_at from ledger_entries where id = ?").param(entryId)
                .query(OffsetDateTime.class).single();
    }

    // --- invariants ---

    /** Transactions whose entries do not sum to zero, are in more than one currency, or have fewer than two entries. */
    List<Long> unbalancedTransactions(int limit) {
        return jdbc.sql("""
                select t.id from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id
                group by t.id
                having count(e.id) < 2 or coalesce(sum(e.amount_minor), 0) <> 0 or count(distinct e.currency) > 1
                order by t.id""" + " limit " + limit)
                .query(Long.class).list();
    }

    record AccountSum(AccountType type, long ownerId, String currency, long minor) {
    }

    List<AccountSum> entrySums() {
        return jdbc.sql("""
                select account_type, owner_id, currency, sum(amount_minor) as minor from ledger_entries
                group by account_type, owner_id, currency""")
                .query((rs, n) -> new AccountSum(AccountType.valueOf(rs.getString("account_type")), rs.getLong("owner_id"),
                        rs.getString("currency").strip(), rs.getLong("minor"))).list();
    }

    List<AccountSum> cachedBalances() {
        return jdbc.sql("""
                select account_type, owner_id, currency, sum(balance_minor) as balance_minor from ledger_balances
                group by account_type, owner_id, currency""")
                .query((rs, n) -> new AccountSum(AccountType.valueOf(rs.getString("account_type")), rs.getLong("owner_id"),
                        rs.getString("currency").strip(), rs.getLong("balance_minor"))).list();
    }

    /** What came into clearing for each reference (its CLEARING entries summed), for the references given. */
    long clearingOf(String reference) {
        return jdbc.sql("""
                select coalesce(sum(e.amount_minor), 0) from ledger_entries e
                join ledger_transactions t on t.id = e.transaction_id
                where t.reference = ? and e.account_type = 'CLEARING'""").param(reference).query(Long.class).single();
    }

    long transactionCount() {
        return jdbc.sql("select count(*) from ledger_transactions").query(Long.class).single();
    }

    static Money money(ResultSet rs, String column) throws SQLException {
        return new Money(rs.getLong(column), Money.Currency.valueOf(rs.getString("currency").strip()));
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
