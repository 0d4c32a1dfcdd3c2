package org.shequn.shared.jdbc;

import java.util.List;
import org.shequn.shared.Cursor;

/**
 * The keyset tail of a newest-first page: rows strictly after {@code before} in (created_at, id) descending
 * order, so rows written meanwhile never shift a later page. The table needs {@code created_at} and {@code id}.
 */
public final class NewestFirst {

    private NewestFirst() {
    }

    /** Appends to a where clause; adds its values to {@code params}. */
    public static String after(Cursor before, List<Object> params, int limit) {
        var sql = new StringBuilder();
        if (before != null) {
            var at = before.time();
            sql.append(" and created_at <= ? and (created_at < ? or id < ?)");
            params.addAll(List.of(at, at, before.id()));
        }
        return sql.append(" order by created_at desc, id desc limit ").append(Math.max(1, limit)).toString();
    }
}
