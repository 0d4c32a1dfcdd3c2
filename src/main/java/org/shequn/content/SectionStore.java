package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The content_sections table. */
@Repository
class SectionStore {

    private static final String COLUMNS = "id, community_id, name, description, icon, posting, position, archived_at";

    private final JdbcClient jdbc;

    SectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SectionRow> ofCommunity(long communityId) {
        return jdbc.sql("select " + COLUMNS + " from content_sections where community_id = ? order by position, id")
                .param(communityId).query(Rows.of(SectionRow.class)).list();
    }

    Optional<SectionRow> byId(long communityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from content_sections where id = ? and community_id = ?")
                .params(id, communityId).query(Rows.of(SectionRow.class)).optional();
    }

    /** Inserts only while the community has fewer than {@code max} active sections; null when it is full. */
    Long insertIfRoom(long communityId, SectionDraft d, int max, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        int rows = jdbc.sql("""
                insert into content_sections (community_id, name, description, icon, posting, position, created_at)
                select :c, :name, :description, :icon, :posting,
                       (select coalesce(max(position), 0) + 1 from content_sections where community_id = :c), :now
                from (select count(*) as active from content_sections where community_id = :c and archived_at is null) s
                where s.active < :max""")
                .param("c", communityId).param("name", d.name().strip())
                .param("description", d.description() == null ? "" : d.description().strip())
                .param("icon", d.icon()).param("posting", d.posting()).param("now", now).param("max", max)
                .update(keys, "id");
        return rows == 0 ? null : keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, SectionDraft d) {
        jdbc.sql("update content_sections set name = ?, description = ?, icon = ?, posting = ? where id = ?")
                .params(d.name().strip(), d.description() == null ? "" : d.description().strip(), d.icon(),
                        d.posting(), id).update();
    }

    void setPosition(long id, int position) {
        jdbc.sql("update content_sections set position = ? where id = ?").params(position, id).update();
    }

    void setArchived(long id, OffsetDateTime at) {
        jdbc.sql("update content_sections set archived_at = ? where id = ?").params(at, id).update();
    }

    int activeCount(long communityId) {
        return jdbc.sql("select count(*) from content_sections where community_id = ? and archived_at is null")
                .param(communityId).query(Integer.class).single();
    }
}
