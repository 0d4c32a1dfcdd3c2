package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.shared.Cursor;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The posts table and the history of their versions. */
@Repository
class PostStore {

    static final String COLUMNS = """
            id, community_id, section_id, author_id, kind, title, body, tags, comment_count, pinned_at, featured_at,
            created_at, edited_at, deleted_at, hidden_at, hidden_by, reaction_count, subgroup_id""";
    static final int MAX_PINNED = 3;
    /** The tag filter, a condition on {@code posts} with the parameter {@code :tag}. */
    static final String TAGGED = "exists (select 1 from post_tags t where t.post_id = posts.id and t.tag = :tag)";

    /** A feed's order: the column that sorts it (newest first) and the index that serves it. */
    enum Order {
        LATEST("created_at"), FEATURED("featured_at");

        final String column;

        Order(String column) {
            this.column = column;
        }
    }

    record VersionRow(long id, String title, String body, String tags, OffsetDateTime writtenAt,
                      OffsetDateTime replacedAt, long replacedBy) {
    }

    private final JdbcClient jdbc;

    PostStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, Long sectionId, long authorId, PostDraft d, Long subgroupId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into posts (community_id, section_id, author_id, kind, title, body, tags, comment_count, created_at,
                hot_score, subgroup_id) values (:c, :s, :a, :kind, :title, :body, :tags, 0, :now, :hot, :g)""")
                .param("c", communityId).param("s", sectionId).param("a", authorId).param("kind", d.kind())
                .param("title", d.cleanTitle()).param("body", d.body()).param("tags", String.join("\n", d.cleanTags()))
                .param("now", now).param("hot", HotScore.of(0, now)).param("g", subgroupId).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeTags(id, communityId, d.cleanTags(), now);
        return id;
    }

    /** Keeps the current text as a version, then writes the new one. */
    void edit(PostRow current, Long sectionId, PostDraft d, long editorId, OffsetDateTime now) {
        jdbc.sql("""
                insert into post_versions (post_id, title, body, tags, written_at, replaced_at, replaced_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(current.id(), current.title(), current.body(), current.tags(),
                        current.editedAt() != null ? current.editedAt() : current.createdAt(), now, editorId).update();
        jdbc.sql("""
                update posts set section_id = :s, kind = :kind, title = :title, body = :body, tags = :tags, edited_at = :now
                where id = :id""")
                .param("s", sectionId).param("kind", d.kind()).param("title", d.cleanTitle()).param("body", d.body())
                .param("tags", String.join("\n", d.cleanTags())).param("now", now).param("id", current.id()).update();
        jdbc.sql("delete from post_tags where post_id = ?").param(current.id()).update();
        writeTags(current.id(), current.communityId(), d.cleanTags(), current.createdAt());
    }

    /** The tag filter's rows (see V17): one per tag, dated like the post so the latest order can walk them. */
    private void writeTags(long postId, long communityId, java.util.List<String> tags, OffsetDateTime createdAt) {
        for (var tag : tags) {
            jdbc.sql("insert into post_tags (post_id, community_id, tag, created_at) values (?, ?, ?, ?)")
                    .params(postId, communityId, tag, createdAt).update();
        }
    }

    List<VersionRow> versions(long postId) {
        return jdbc.sql("""
                select id, title, body, tags, written_at, replaced_at, replaced_by from post_versions
                where post_id = ? order by id""").param(postId).query(Rows.of(VersionRow.class)).list();
    }

    Optional<PostRow> byId(long communityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from posts where id = ? and community_id = ?")
                .params(id, communityId).query(Rows.of(PostRow.class)).optional();
    }

    Optional<PostRow> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from posts where id = ? and deleted_at is null")
                .param(id).query(Rows.of(PostRow.class)).optional();
    }

    List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("select id from posts where id > ? and deleted_at is null order by id limit ?")
                .params(afterId, limit).query(Long.class).list();
    }

    /** The only write of a post's state; a deleted post is unpinned too. */
    void apply(PostLifecycle.Transition transition) {
        var change = transition.change();
        if (change.to() == ContentState.DELETED) {
            jdbc.sql("update posts set deleted_at = ?, deleted_by = ?, pinned_at = null where id = ?")
                    .params(change.deletedAt(), change.deletedBy(), transition.postId()).update();
        } else {
            jdbc.sql("update posts set hidden_at = ?, hidden_by = ? where id = ?")
                    .params(change.hiddenAt(), change.hiddenBy(), transition.postId()).update();
        }
    }

    /** Pins while fewer than {@link #MAX_PINNED} posts are pinned; false when the community already has that many. */
    boolean pin(long communityId, long id, OffsetDateTime now) {
        return jdbc.sql("""
                update posts set pinned_at = ? where id = ? and pinned_at is null
                and (select count(*) from posts p where p.community_id = ? and p.pinned_at is not null) < ?""")
                .params(now, id, communityId, MAX_PINNED).update() > 0;
    }

    void unpin(long id) {
        jdbc.sql("update posts set pinned_at = null where id = ?").param(id).update();
    }

    void setFeatured(long id, OffsetDateTime at) {
        jdbc.sql("update posts set featured_at = ? where id = ?").params(at, id).update();
    }

    List<PostRow> pinned(long communityId, boolean withHidden, String audience) {
        return jdbc.sql("select " + COLUMNS + """
                 from posts where community_id = ? and pinned_at is not null and deleted_at is null
                """ + (withHidden ? "" : "and hidden_at is null ") + audience + " order by pinned_at desc, id desc")
                .param(communityId).query(Rows.of(PostRow.class)).list();
    }

    /**
     * One page of a feed, newest first, after the keyset position ({@code beforeAt}, {@code beforeId}) when given.
     * {@code at <= ?} is an index condition on (community or section, column, id); the rest filters inside it.
     */
    List<PostRow> page(long communityId, Long sectionId, Order order, boolean skipPinned, boolean withHidden,
                       OffsetDateTime beforeAt, long beforeId, int limit) {
        return page(communityId, sectionId, order, skipPinned, withHidden, null, null, "", beforeAt, beforeId, limit);
    }

    /**
     * The same, only posts carrying {@code tag} when it is given (a probe of post_tags' primary key per row), and
     * only posts of {@code kind} when it is given (the 问答 tab: questions).
     */
    List<PostRow> page(long communityId, Long sectionId, Order order, boolean skipPinned, boolean withHidden,
                       String tag, PostKind kind, String audience, OffsetDateTime beforeAt, long beforeId, int limit) {
        var col = order.column;
        var sql = new StringBuilder("select " + COLUMNS + " from posts where ");
        var spec = jdbc.sql("");
        sql.append(sectionId != null ? "section_id = :scope" : "community_id = :scope");
        if (order == Order.FEATURED) {
            sql.append(" and featured_at is not null");
        }
        sql.append(" and deleted_at is null");
        if (!withHidden) {
            sql.append(" and hidden_at is null");
        }
        if (skipPinned) {
            sql.append(" and pinned_at is null");
        }
        if (tag != null) {
            sql.append(" and ").append(TAGGED);
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
        }
        sql.append(audience);
        if (beforeAt != null) {
            sql.append(" and ").append(col).append(" <= :at and (").append(col).append(" < :at or id < :id)");
        }
        sql.append(" order by ").append(col).append(" desc, id desc limit ").append(Math.max(1, Math.min(limit, 101)));
        spec = jdbc.sql(sql.toString()).param("scope", sectionId != null ? sectionId : communityId);
        if (beforeAt != null) {
            spec = spec.param("at", beforeAt).param("id", beforeId);
        }
        if (tag != null) {
            spec = spec.param("tag", tag);
        }
        if (kind != null) {
            spec = spec.param("kind", kind.name());
        }
        return spec.query(Rows.of(PostRow.class)).list();
    }

    /** One page of a sub-group's own feed (its scoped posts), newest first, after the keyset position when given. */
    List<PostRow> groupPage(long communityId, long subgroupId, boolean withHidden, OffsetDateTime beforeAt, long beforeId,
                            int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from posts where subgroup_id = :g and community_id = :c"
                + " and deleted_at is null");
        if (!withHidden) {
            sql.append(" and hidden_at is null");
        }
        if (beforeAt != null) {
            sql.append(" and created_at <= :at and (created_at < :at or id < :id)");
        }
        sql.append(" order by created_at desc, id desc limit ").append(Math.max(1, Math.min(limit, 101)));
        var spec = jdbc.sql(sql.toString()).param("g", subgroupId).param("c", communityId);
        if (beforeAt != null) {
            spec = spec.param("at", beforeAt).param("id", beforeId);
        }
        return spec.query(Rows.of(PostRow.class)).list();
    }

    /** Posts written since {@code since}: by one author when {@code authorId} is given, else in the whole community. */
    int writtenSince(long communityId, Long authorId, OffsetDateTime since, int cap) {
        // counted up to the cap only: the rate limit needs no more, and it is counted under the community's lock
        return jdbc.sql("select count(*) from (select 1 from posts where community_id = ? and created_at > ?"
                        + (authorId == null ? "" : " and author_id = " + authorId.longValue()) + " limit ?) recent")
                .params(communityId, since, cap).query(Integer.class).single();
    }

    int liveCount(long communityId) {
        return jdbc.sql("select count(*) from posts where community_id = ? and deleted_at is null")
                .param(communityId).query(Integer.class).single();
    }

    /** Posts held by a banned word, waiting for approval: one page, newest first. */
    List<PostRow> held(long communityId, Cursor before, int limit) {
        var params = new java.util.ArrayList<Object>(List.of(communityId));
        return jdbc.sql("select " + COLUMNS
                        + " from posts where community_id = ? and hidden_at is not null and hidden_by is null"
                        + " and deleted_at is null"
                        + org.shequn.shared.jdbc.NewestFirst.after(before, params, limit))
                .params(params).query(Rows.of(PostRow.class)).list();
    }
}
