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

    /** Counts one more failure and returns the new count. */
    int recordFailure(long id) {
        jdbc.sql("update accounts set failed_logins = failed_logins + 1 where id = ?").param(id).update();
        return jdbc.sql("select failed_logins from accounts where id = ?").param(id).query(Integer.class).single();
    }

    void lock(long id, OffsetDateTime until) {
        jdbc.sql("update accounts set locked_until = ?, failed_logins = 0 where id = ?").params(until, id).update();
    }

    void clearFailures(long id) {
        jdbc.sql("update accounts set failed_logins = 0, locked_until = null where id = ? and (failed_logins > 0 or locked_until is not null)")
                .param(id).update();
    }

    void updatePassword(long id, String hash) {
        jdbc.sql("update accounts set password_hash = ? where id = ?").params(hash, id).update();
    }

    void rename(long id, String displayName) {
        jdbc.sql("update accounts set display_name = ? where id = ?").params(displayName, id).update();
    }
}
