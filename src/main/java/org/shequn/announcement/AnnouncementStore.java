package org.shequn.announcement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The announcements and their read receipts. */
@Repository
class AnnouncementStore {

    record AnnouncementRow(long id, long communityId, long authorId, String title, String body,
                           OffsetDateTime publishedAt, OffsetDateTime editedAt, OffsetDateTime withdrawnAt,
                           OffsetDateTime remindedAt, Long remindedBy) {

        boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    private static final String COLUMNS = """
            id, community_id, author_id, title, body, published_at, edited_at, withdrawn_at, reminded_at, reminded_by""";
    /** How many a list shows: announcements are few, and the newest matter. */
    static final int LIST_MAX = 100;

    private final JdbcClient jdbc;

    AnnouncementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, long authorId, String title, String body, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into announcements (community_id, author_id, title, body, published_at)
                values (?, ?, ?, ?, ?)""").params(communityId, authorId, title, body, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<AnnouncementRow> byId(long communityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from announcements where community_id = ? and id = ?")
                .params(communityId, id).query(AnnouncementStore::row).optional();
    }

    /** Newest first; withdrawn ones only for those who run the community. */
    List<AnnouncementRow> list(long communityId, boolean withWithdrawn) {
        return jdbc.sql("select " + COLUMNS + " from announcements where community_id = ?"
                        + (withWithdrawn ? "" : " and withdrawn_at is null")
                        + " order by published_at desc, id desc limit ?")
                .params(communityId, LIST_MAX).query(AnnouncementStore::row).list();
    }

    /** The active announcements this member has not read, newest first: the feed's one query. */
    List<AnnouncementRow> unread(long communityId, long accountId, int limit) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                         from announcements a where a.community_id = ? and a.withdrawn_at is null
                         and not exists (select 1 from announcement_reads r where r.announcement_id = a.id and r.account_id = ?)
                         order by a.published_at desc, a.id desc limit ?""")
                .params(communityId, accountId, limit).query(AnnouncementStore::row).list();
    }

    /** Which of these announcements the member has read. */
    Set<Long> readOf(long accountId, Collection<Long> announcementIds) {
        if (announcementIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select announcement_id from announcement_reads where account_id = :me and announcement_id in (:ids)")
                .param("me", accountId).param("ids", announcementIds).query(Long.class).list());
    }

    /** 1 when this is the member's first reading, 0 when they had read it already. */
    int markRead(long announcementId, long communityId, long accountId, OffsetDateTime now) {
        return jdbc.sql("""
                insert into announcement_reads (announcement_id, account_id, community_id, read_at)
                values (?, ?, ?, ?) on conflict do nothing""")
                .params(announcementId, accountId, communityId, now).update();
    }

    /** Who has read it, and when: account id → time, earliest first. */
    Map<Long, OffsetDateTime> readers(long announcementId) {
        var readers = new LinkedHashMap<Long, OffsetDateTime>();
        jdbc.sql("select account_id, read_at from announcement_reads where announcement_id = ? order by read_at, account_id")
                .param(announcementId)
                .query((rs, n) -> readers.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list();
        return readers;
    }

    void edit(long id, String title, String body, OffsetDateTime now) {
        jdbc.sql("update announcements set title = ?, body = ?, edited_at = ? where id = ?")
                .params(title, body, now, id).update();
    }

    /** 1 when withdrawn now, 0 when it was withdrawn already. */
    int withdraw(long id, long byAccountId, OffsetDateTime now) {
        return jdbc.sql("update announcements set withdrawn_at = ?, withdrawn_by = ? where id = ? and withdrawn_at is null")
                .params(now, byAccountId, id).update();
    }

    /** 1 for the one reminder; 0 when one was sent already (a second caller, even at the same moment, gets 0). */
    int remind(long id, long byAccountId, OffsetDateTime now) {
        return jdbc.sql("update announcements set reminded_at = ?, reminded_by = ? where id = ? and reminded_at is null")
                .params(now, byAccountId, id).update();
    }

    private static AnnouncementRow row(ResultSet rs, int n) throws SQLException {
        return new AnnouncementRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class), rs.getObject(10, Long.class));
    }
}
