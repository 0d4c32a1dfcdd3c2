package org.shequn.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifications table. */
@Repository
class NotificationStore {

    record NotificationRow(long id, long accountId, NotificationKind kind, String communitySlug, String communityName,
                           Long actorId, String actorName, String detail, OffsetDateTime createdAt,
                           OffsetDateTime readAt, Long communityId, Long postId, Long commentId, int actorCount,
                           OffsetDateTime untilAt) {
    }

    /**
     * What a new notification says; {@code sourceKey} makes a redelivered event a no-op. Notifications about
     * a community's content carry {@code communityId}, so they go when the recipient leaves the community.
     */
    record NewNotification(long accountId, NotificationKind kind, String communitySlug, String communityName, Long actorId,
                           String actorName, String detail, String sourceKey, Long communityId, Long postId,
                           Long commentId, OffsetDateTime untilAt) {

        NewNotification(long accountId, NotificationKind kind, String communitySlug, String communityName, Long actorId,
                        String actorName, String detail, String sourceKey) {
            this(accountId, kind, communitySlug, communityName, actorId, actorName, detail, sourceKey, null, null,
                    null, null);
        }

        NotificationRow asRow(long id, int actorCount, OffsetDateTime now) {
            return new NotificationRow(id, accountId, kind, communitySlug, communityName, actorId, actorName, detail,
                    now, null, communityId, postId, commentId, actorCount, untilAt);
        }
    }

    private static final String COLUMNS = """
            id, account_id, kind, community_slug, community_name, actor_id, actor_name, detail, created_at, read_at,
            community_id, post_id, comment_id, actor_count, until_at""";

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 1 when stored, 0 when this source key was seen before (or the group was open already). */
    int insert(NewNotification n, OffsetDateTime now) {
        return insert(n, null, 1, now);
    }

    private int insert(NewNotification n, String openGroup, int actorCount, OffsetDateTime now) {
        return jdbc.sql("""
                insert into notifications (account_id, kind, community_slug, community_name, actor_id, actor_name,
                    detail, source_key, created_at, community_id, post_id, comment_id, until_at, open_group, actor_count)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(n.accountId(), n.kind().name(), n.communitySlug(), n.communityName(), n.actorId(), n.actorName(),
                        n.detail(), n.sourceKey(), now, n.communityId(), n.postId(), n.commentId(), n.untilAt(),
                        openGroup, actorCount).update();
    }

    /**
     * Adds the actor to the account's unread notification of this group, opening one if there is none.
     * Returns the group's row after the change, and whether it was newly opened; empty when the actor was
     * counted in it already.
     */
    Optional<Grouped> group(NewNotification n, String group, OffsetDateTime now) {
        boolean opened = insert(n, group, 0, now) == 1;
        long id = jdbc.sql("select id from notifications where account_id = ? and open_group = ?")
                .params(n.accountId(), group).query(Long.class).single();
        if (jdbc.sql("insert into notification_actors (notification_id, actor_id) values (?, ?) on conflict do nothing")
                .params(id, n.actorId()).update() == 0) {
            return Optional.empty();
        }
        jdbc.sql("update notifications set actor_count = actor_count + 1, actor_id = ?, actor_name = ?, created_at = ? where id = ?")
                .params(n.actorId(), n.actorName(), now, id).update();
        return Optional.of(new Grouped(byId(n.accountId(), id).orElseThrow(), opened));
    }

    record Grouped(NotificationRow row, boolean opened) {
    }

    Optional<NotificationRow> byId(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " from notifications where account_id = ? and id = ?")
                .params(accountId, id).query(NotificationStore::row).optional();
    }

    /** Newest first, keyset on the id. */
    List<NotificationRow> inbox(long accountId, long beforeId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notifications where account_id = ? and id < ? order by id desc limit ?")
                .params(accountId, beforeId, limit).query(NotificationStore::row).list();
    }

    int unread(long accountId) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and read_at is null").param(accountId)
                .query(Integer.class).single();
    }

    int unreadSince(long accountId, OffsetDateTime since) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and read_at is null and created_at > ?")
                .params(accountId, since).query(Integer.class).single();
    }

    /** One keyset page of the accounts with unread notifications newer than {@code since} (digest candidates). */
    List<Long> withUnreadSince(OffsetDateTime since, long afterAccountId, int limit) {
        return jdbc.sql("""
                select distinct account_id from notifications where read_at is null and created_at > ? and account_id > ?
                order by account_id limit ?""")
                .params(since, afterAccountId, limit).query(Long.class).list();
    }

    /** Reading closes a reaction group: the next reaction starts a new one. */
    int markAllRead(long accountId, OffsetDateTime now) {
        return jdbc.sql("update notifications set read_at = ?, open_group = null where account_id = ? and read_at is null")
                .params(now, accountId).update();
    }

    int markRead(long accountId, long id, OffsetDateTime now) {
        return jdbc.sql("update notifications set read_at = ?, open_group = null where account_id = ? and id = ? and read_at is null")
                .params(now, accountId, id).update();
    }

    /** Someone who left a community no longer sees what its content said. */
    int forgetCommunity(long accountId, long communityId) {
        return jdbc.sql("delete from notifications where account_id = ? and community_id = ?")
                .params(accountId, communityId).update();
    }

    private static NotificationRow row(ResultSet rs, int n) throws SQLException {
        return new NotificationRow(rs.getLong(1), rs.getLong(2), NotificationKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, Long.class), rs.getObject(12, Long.class),
                rs.getObject(13, Long.class), rs.getInt(14), rs.getObject(15, OffsetDateTime.class));
    }
}
