package org.shequn.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The index tables: documents and their terms. */
@Repository
class SearchStore {

    record Document(long communityId, String kind, long refId, long postId, String postKind, Long sectionId,
                    long authorId, String title, String plainText, OffsetDateTime createdAt) {
    }

    record Hit(long id, long communityId, String kind, long refId, long postId, String postKind, Long sectionId,
               long authorId, String title, String plainText, OffsetDateTime createdAt, long score) {
    }

    /** Filters on the documents; nulls mean "any". */
    record Filter(Long sectionId, String kind, String postKind, Long authorId, OffsetDateTime from, OffsetDateTime to) {
    }

    private final JdbcClient jdbc;

    SearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces whatever was indexed for this post or comment. */
    void put(Document d, Map<String, Integer> body, Map<String, Integer> title) {
        delete(d.kind(), d.refId());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into search_documents (community_id, kind, ref_id, post_id, post_kind, section_id, author_id, title,
                                              plain_text, created_at, removed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""")
                .params(d.communityId(), d.kind(), d.refId(), d.postId(), d.postKind(), d.sectionId(), d.authorId(),
                        d.title(), d.plainText(), d.createdAt())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        var terms = new java.util.LinkedHashSet<String>(body.keySet());
        terms.addAll(title.keySet());
        for (var term : terms) {
            jdbc.sql("insert into search_terms (community_id, term, document_id, frequency, title_frequency) values (?, ?, ?, ?, ?)")
                    .params(d.communityId(), term, id, body.getOrDefault(term, 0), title.getOrDefault(term, 0)).update();
        }
    }

    /** Drops the terms and marks the document removed, so it can never match again. */
    void remove(String kind, long refId) {
        var ids = jdbc.sql("select id from search_documents where kind = ? and ref_id = ?").params(kind, refId)
                .query(Long.class).list();
        removeDocuments(ids);
    }

    /** A removed post takes its comments with it. */
    void removePost(long postId) {
        removeDocuments(jdbc.sql("select id from search_documents where post_id = ?").param(postId).query(Long.class).list());
    }

    private void removeDocuments(List<Long> ids) {
        for (var id : ids) {
            jdbc.sql("delete from search_terms where document_id = ?").param(id).update();
            jdbc.sql("update search_documents set removed = true, plain_text = '' where id = ?").param(id).update();
        }
    }

    private void delete(String kind, long refId) {
        for (var id : jdbc.sql("select id from search_documents where kind = ? and ref_id = ?").params(kind, refId)
                .query(Long.class).list()) {
            jdbc.sql("delete from search_terms where document_id = ?").param(id).update();
            jdbc.sql("delete from search_documents where id = ?").param(id).update();
        }
    }

    /** Communities that have at least one live document with one of these terms. */
    List<Long> communitiesWith(Collection<String> terms) {
        return jdbc.sql("select distinct community_id from search_terms where term in (:terms)")
                .param("terms", List.copyOf(terms)).query(Long.class).list();
    }

    /**
     * Live documents in these communities holding at least {@code minMatched} of the terms, best first: summed
     * frequency with title matches counted four times, then newest.
     */
    List<Hit> search(Collection<Long> communityIds, Collection<String> terms, int minMatched, Filter filter, int offset,
                     int limit) {
        var where = new ArrayList<String>();
        var sql = new StringBuilder("""
                select d.id, d.community_id, d.kind, d.ref_id, d.post_id, d.post_kind, d.section_id, d.author_id, d.title,
                       d.plain_text, d.created_at, m.score
                from (select document_id, sum(frequency + 3 * title_frequency) as score, count(*) as matched
                      from search_terms where community_id in (:communities) and term in (:terms)
                      group by document_id) m
                join search_documents d on d.id = m.document_id
                where m.matched >= :min and d.removed = false""");
        var params = new java.util.HashMap<String, Object>();
        params.put("communities", List.copyOf(communityIds));
        params.put("terms", List.copyOf(terms));
        params.put("min", minMatched);
        if (filter.sectionId() != null) {
            where.add("d.section_id = :section");
            params.put("section", filter.sectionId());
        }
        if (filter.kind() != null) {
            where.add("d.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.postKind() != null) {
            where.add("d.post_kind = :postKind");
            params.put("postKind", filter.postKind());
        }
        if (filter.authorId() != null) {
            where.add("d.author_id = :author");
            params.put("author", filter.authorId());
        }
        if (filter.from() != null) {
            where.add("d.created_at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("d.created_at < :to");
            params.put("to", filter.to());
        }
        for (var w : where) {
            sql.append(" and ").append(w);
        }
        sql.append(" order by m.score desc, d.created_at desc, d.id desc limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(Hit.class).list();
    }
}
