package org.shequn.social;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.shequn.shared.Cursor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyset pagination over "people related to me, newest relation first": rows of (other_id, since),
 * ordered by since, then other_id, both descending, so a page boundary never skips or repeats a row
 * while others are added.
 */
final class Keyset {

    /** One related person and since when. */
    record Row(long otherId, OffsetDateTime since) {
        Cursor cursor() {
            return Cursor.at(since, otherId);
        }
    }

    private Keyset() {
    }

    /**
     * Up to {@code size + 1} rows of {@code inner} (which selects {@code other_id} and {@code since})
     * after {@code cursor}; the extra row tells the caller there is a next page.
     */
    static List<Row> rows(JdbcClient jdbc, String inner, Map<String, Object> params, Cursor cursor, int size) {
        var sql = new StringBuilder("select other_id, since from (").append(inner).append(") x");
        if (cursor != null) {
            sql.append(" where since < :since or (since = :since and other_id < :otherId)");
        }
        sql.append(" order by since desc, other_id desc limit :limit");
        var spec = jdbc.sql(sql.toString()).params(params).param("limit", size + 1);
        if (cursor != null) {
            spec = spec.param("since", since(cursor)).param("otherId", cursor.id());
        }
        return spec.query((rs, n) -> new Row(rs.getLong("other_id"), rs.getObject("since", OffsetDateTime.class))).list();
    }

    private static OffsetDateTime since(Cursor cursor) {
        return cursor.time();
    }
}
