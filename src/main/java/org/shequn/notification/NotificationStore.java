package org.shequn.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifications table. */
@Repository
class NotificationStore {

    record NotificationRow(long id, long accountId, String kind, String communitySlug, String communityName,
                           Long actorId, String actorName, String detail, OffsetDateTime createdAt,
                           OffsetDateTime readAt) {
    }

    /** What a new notification says; {@code sourceKey} makes a redelivered event a no-op. */
    record NewNotification(long accountId, String kind, String communitySlug, String communityName, Long actorId,
                           String actorName, String detail, String sourceKey) {
    }

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NewNotification n, OffsetDateTime now) {
        jdbc.sql("""
                insert into notifications (account_id, kind, community_slug, community_name, actor_id, actor_name,
                    detail, source_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(n.accountId(), n.kind(), n.communitySlug(), n.communityName(), n.actorId(), n.actorName(),
                        n.detail(), n.sourceKey(), now).update();
    }

    /** Newest first, keyset on the id. */
    List<NotificationRow> inbox(long accountId, long beforeId, int limit) {
        return jdbc.sql("""
                select id, account_id, kind, community_slug, community_name, actor_id, actor_name, detail, created_at, read_at
                from notifications where account_id = ? and id < ? order by id desc limit ?""")
                .params(accountId, beforeId, limit)
                .query((rs, n) -> new NotificationRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class))).list();
    }

    int unread(long accountId) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and read_at is null").param(accountId)
                .query(Integer.class).single();
    }

    int markAllRead(long accountId, OffsetDateTime now) {
        return jdbc.sql("update notifications set read_at = ? where account_id = ? and read_at is null")
                .params(now, accountId).update();
    }
}
