package org.shequn.shared.jdbc;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of a lock table, locked until the caller's transaction ends, so that work on one key (a post, a
 * member) is done one transaction after the other across threads and nodes. A key's row is inserted on its
 * first use; after that, taking the lock is one statement. Works alike on H2 and PostgreSQL, which share no
 * single statement that both inserts and locks.
 */
public final class LockRows {

    private final JdbcClient jdbc;
    private final String select;
    private final String insert;

    /** {@code table}'s primary key is {@code columns}; both names are the caller's constants, never input. */
    public LockRows(JdbcClient jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.select = "select 1 from " + table + " where "
                + columns.stream().map(c -> c + " = ?").collect(Collectors.joining(" and ")) + " for update";
        this.insert = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") on conflict do nothing";
    }

    /** Locks the key's row; needs a transaction. */
    public void lock(Object... key) {
        if (locked(key)) {
            return;
        }
        // first use: a simultaneous first use waits for ours and then inserts nothing
        jdbc.sql(insert).params(key).update();
        locked(key);
    }

    private boolean locked(Object... key) {
        return jdbc.sql(select).params(key).query(Integer.class).optional().isPresent();
    }
}
