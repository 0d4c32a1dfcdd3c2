package org.shequn.community;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The communities table and its theme and question lists. */
@Repository
class CommunityStore {

    static final String COLUMNS = """
            id, slug, name, description, vision, community_values, mission, rules, cover_key, visibility,
            member_cap, entry_policy, requires_real_name, requires_position, members_may_invite, owner_id,
            archived_at, created_at, governance""";

    private final JdbcClient jdbc;

    CommunityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CommunitySettings s, long ownerId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into communities (slug, name, description, vision, community_values, mission, rules,
                    visibility, member_cap, entry_policy, requires_real_name, requires_position, members_may_invite,
                    owner_id, created_at, updated_at)
                values (:slug, :name, :description, :vision, :values, :mission, :rules, :visibility, :cap, :policy,
                    :realName, :position, :mayInvite, :owner, :now, :now)""")
                .params(params(s)).param("owner", ownerId).param("now", now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        replaceLists(id, s);
        return id;
    }

    void update(long id, CommunitySettings s, OffsetDateTime now) {
        jdbc.sql("""
                update communities set slug = :slug, name = :name, description = :description, vision = :vision,
                    community_values = :values, mission = :mission, rules = :rules, visibility = :visibility,
                    member_cap = :cap, entry_policy = :policy, requires_real_name = :realName,
                    requires_position = :position, members_may_invite = :mayInvite, updated_at = :now
                where id = :id""")
                .params(params(s)).param("now", now).param("id", id).update();
        replaceLists(id, s);
    }

    private static Map<String, Object> params(CommunitySettings s) {
        var p = new HashMap<String, Object>();
        p.put("slug", s.normalizedSlug());
        p.put("name", s.name().strip());
        p.put("description", orEmpty(s.description()));
        p.put("vision", orEmpty(s.vision()));
        p.put("values", orEmpty(s.values()));
        p.put("mission", orEmpty(s.mission()));
        p.put("rules", orEmpty(s.rules()));
        p.put("visibility", s.visibility().name());
        p.put("cap", s.memberCap());
        p.put("policy", s.entryPolicy().name());
        p.put("realName", s.requiresRealName());
        p.put("position", s.requiresPosition());
        p.put("mayInvite", s.membersMayInvite());
        return p;
    }

    private void replaceLists(long id, CommunitySettings s) {
        jdbc.sql("delete from community_themes where community_id = ?").param(id).update();
        jdbc.sql("delete from entry_questions where community_id = ?").param(id).update();
        var themes = s.cleanThemes();
        for (int i = 0; i < themes.size(); i++) {
            jdbc.sql("insert into community_themes (community_id, position, theme) values (?, ?, ?)")
                    .params(id, i, themes.get(i)).update();
        }
        var questions = s.cleanQuestions();
        for (int i = 0; i < questions.size(); i++) {
            jdbc.sql("insert into entry_questions (community_id, position, question) values (?, ?, ?)")
                    .params(id, i, questions.get(i)).update();
        }
    }

    Optional<CommunityRow> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from communities where id = ?").param(id).query(Rows.of(CommunityRow.class)).optional();
    }

    Optional<CommunityRow> bySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from communities where slug = ?").param(slug).query(Rows.of(CommunityRow.class)).optional();
    }

    List<CommunityRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from communities where id in (:ids)").param("ids", List.copyOf(ids))
                .query(Rows.of(CommunityRow.class)).list();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("select count(*) from communities where slug = ? and id <> ?").params(slug, exceptId)
                .query(Integer.class).single() > 0;
    }

    int activeOwnedBy(long ownerId) {
        return jdbc.sql("select count(*) from communities where owner_id = ? and archived_at is null").param(ownerId)
                .query(Integer.class).single();
    }

    Map<Long, List<String>> themes(Collection<Long> ids) {
        return grouped("select community_id, theme from community_themes where community_id in (:ids) order by community_id, position", ids);
    }

    /** A community's themes and entry questions, in order. */
    record Lists(Map<Long, List<String>> themes, Map<Long, List<String>> questions) {
    }

    /** Themes and entry questions in one statement: every content request reads its community. */
    Lists lists(Collection<Long> ids) {
        var themes = new HashMap<Long, List<String>>();
        var questions = new HashMap<Long, List<String>>();
        if (ids.isEmpty()) {
            return new Lists(themes, questions);
        }
        jdbc.sql("""
                select community_id, 0 as list, position, theme as item from community_themes where community_id in (:ids)
                union all
                select community_id, 1 as list, position, question as item from entry_questions where community_id in (:ids)
                order by 1, 2, 3""").param("ids", List.copyOf(ids)).query((rs, n) -> {
            (rs.getInt(2) == 0 ? themes : questions).computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(4));
            return null;
        }).list();
        return new Lists(themes, questions);
    }

    private Map<Long, List<String>> grouped(String sql, Collection<Long> ids) {
        var result = new HashMap<Long, List<String>>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql(sql).param("ids", List.copyOf(ids)).query((rs, n) -> {
            result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            return null;
        }).list();
        return result;
    }

    void setArchived(long id, OffsetDateTime at, OffsetDateTime now) {
        jdbc.sql("update communities set archived_at = ?, updated_at = ? where id = ?").params(at, now, id).update();
    }

    void setGovernance(long id, String mode, OffsetDateTime now) {
        jdbc.sql("update communities set governance = ?, updated_at = ? where id = ?").params(mode, now, id).update();
    }

    void setOwner(long id, long ownerId, OffsetDateTime now) {
        jdbc.sql("update communities set owner_id = ?, updated_at = ? where id = ?").params(ownerId, now, id).update();
    }

    void setCover(long id, String key, OffsetDateTime now) {
        jdbc.sql("update communities set cover_key = ?, updated_at = ? where id = ?").params(key, now, id).update();
    }

    /** Public, active communities newest first, optionally with a theme and a name fragment; keyset on (created_at, id). */
    List<CommunityRow> listing(String theme, String query, OffsetDateTime beforeCreated, long beforeId, int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from communities c where visibility = 'PUBLIC' and archived_at is null");
        var params = new HashMap<String, Object>();
        if (theme != null) {
            sql.append(" and exists (select 1 from community_themes t where t.community_id = c.id and t.theme = :theme)");
            params.put("theme", theme);
        }
        if (query != null) {
            sql.append(" and (lower(name) like :q escape '\\' or lower(description) like :q escape '\\')");
            params.put("q", org.shequn.shared.text.LikePattern.containing(query));
        }
        if (beforeCreated != null) {
            sql.append(" and (created_at < :created or (created_at = :created and id < :id))");
            params.put("created", beforeCreated);
            params.put("id", beforeId);
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(Rows.of(CommunityRow.class)).list();
    }

    List<String> popularThemes(int limit) {
        return jdbc.sql("""
                select t.theme from community_themes t join communities c on c.id = t.community_id
                where c.visibility = 'PUBLIC' and c.archived_at is null
                group by t.theme order by count(*) desc, t.theme limit ?""").param(limit).query(String.class).list();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
