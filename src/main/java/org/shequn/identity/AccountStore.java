package org.shequn.identity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The accounts table. */
@Repository
class AccountStore {

    private static final String COLUMNS =
            "id, email, phone, password_hash, display_name, failed_logins, locked_until, created_at";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String email, String phone, String passwordHash, String displayName, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into accounts (email, phone, password_hash, display_name, failed_logins, created_at)
                values (:email, :phone, :hash, :name, 0, :now)""")
                .param("email", email).param("phone", phone).param("hash", passwordHash)
                .param("name", displayName).param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<AccountRow> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from accounts where email = ?").param(email)
                .query(Rows.of(AccountRow.class)).optional();
    }

    Optional<AccountRow> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from accounts where id = ?").param(id)
                .query(Rows.of(AccountRow.class)).optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from accounts where email = ?").param(email).query(Integer.class).single() > 0;
    }

    boolean phoneTaken(String phone) {
        return jdbc.sql("select count(*) from accounts where phone = ?").param(phone).query(Integer.class).single() > 0;
    }

    Map<Long, AccountSummary> summaries(Collection<Long> ids) {
        var result = new LinkedHashMap<Long, AccountSummary>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select id, display_name from accounts where id in (:ids)").param("ids", List.copyOf(ids))
                .query(Rows.of(AccountSummary.class)).list().forEach(a -> result.put(a.id(), a));
        return result;
    }

    Optional<Long> firstAccountId() {
        return jdbc.sql("select min(id) from accounts").query(Long.class).optional();
    }

    /**
     * One sign-in attempt, counted before its password is checked: the new count, or empty while the account
     * is locked. A single UPDATE, so parallel attempts queue on the row and each sees the others' counts (a
     * read-then-check let a burst of guesses all find the account unlocked). The attempt that reaches
     * {@code maxFailures} sets the lock in the same statement; an expired lock starts the count again.
     */
    @Transactional
    Optional<Integer> countAttempt(long id, OffsetDateTime now, int maxFailures, OffsetDateTime lockUntil) {
        int counted = jdbc.sql("""
                update accounts set
                    failed_logins = case when locked_until is null then failed_logins + 1 else 1 end,
                    locked_until = case when (case when locked_until is null then failed_logins + 1 else 1 end) >= :max
                                        then cast(:until as timestamp with time zone) else null end
                where id = :id and (locked_until is null or locked_until <= :now)""")
                .param("id", id).param("now", now).param("max", maxFailures).param("until", lockUntil)
                .update();
        if (counted == 0) {
            return Optional.empty();
        }
        // the row stays locked by this transaction's update, so this reads our own count
        return Optional.of(jdbc.sql("select failed_logins from accounts where id = ?").param(id)
                .query(Integer.class).single());
    }

    Optional<OffsetDateTime> lockedUntil(long id) {
        return jdbc.sql("select locked_until from accounts where id = ?").param(id)
                .query(OffsetDateTime.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    void clearFailures(long id) {
        jdbc.sql("update accounts set failed_logins = 0, locked_until = null where id = ? and (failed_logins > 0 or locked_until is not null)")
                .param(id).update();
    }

    void updatePassword(long id, String hash) {
        jdbc.sql("update accounts set password_hash = ? where id = ?").params(hash, id).update();
    }

    /** Only while the account has no password, so it never replaces one without the current one. */
    int setFirstPassword(long id, String email, String hash) {
        return jdbc.sql("update accounts set email = ?, password_hash = ? where id = ? and password_hash is null")
                .params(email, hash, id).update();
    }

    void rename(long id, String displayName) {
        jdbc.sql("update accounts set display_name = ? where id = ?").params(displayName, id).update();
    }
}
