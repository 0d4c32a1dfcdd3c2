package org.shequn.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.shequn.shared.jdbc.Database;
import org.shequn.shared.jdbc.LockRows;
import org.shequn.shared.jdbc.Rows;
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

    private record Postings(List<Long> communityIds, String term) {
    }

    private final JdbcClient jdbc;
    private final LockRows postLocks;

    /**
     * How many postings a word has (up to the candidate window), remembered for 30 s (ADR 8): it only picks
     * which word's postings are walked, and a search of several words asked it once per word.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Postings, Integer> postings =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
                    .expireAfterWrite(java.time.Duration.ofSeconds(30)).build();

    private final boolean postgres;

    SearchStore(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.postgres = database.postgres();
        this.postLocks = new LockRows(jdbc, "search_locks", List.of("post_id"));
    }

    /**
     * Holds the post's lock row until the transaction ends: whatever rewrites a post's or its comments' index
     * entries takes it first, so two listeners never interleave their deletes and inserts on one post.
     */
    void lockPost(long postId) {
        postLocks.lock(postId);
    }

    /** Replaces whatever was indexed for this post or comment. */
    void put(Document d, Map<String, Integer> body, Map<String, Integer> title) {
        delete(d.kind(), d.refId());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into search_documents (community_id, kind, ref_id, post_id, post_kind, section_id, author_id, title,
                                              plain_text, created_at, removed, analyzer)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""")
                .params(d.communityId(), d.kind(), d.refId(), d.postId(), d.postKind(), d.sectionId(), d.authorId(),
                        d.title(), d.plainText(), d.createdAt(), ChineseTokenizer.VERSION)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        var terms = new java.util.LinkedHashSet<String>(body.keySet());
        terms.addAll(title.keySet());
        // one statement for a text's words (every comment written is indexed); a long article takes a few
        var rows = terms.stream().map(term -> List.<Object>of(d.communityId(), term, id, body.getOrDefault(term, 0),
                title.getOrDefault(term, 0))).toList();
        for (int from = 0; from < rows.size(); from += TERMS_PER_INSERT) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + TERMS_PER_INSERT));
            jdbc.sql("insert into search_terms (community_id, term, document_id, frequency, title_frequency) values "
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)")))
                    .params(chunk.stream().flatMap(List::stream).toList()).update();
        }
    }

    /** Whether this post or comment is indexed (or marked removed) by the current analyzer. */
    boolean current(String kind, long refId) {
        return jdbc.sql("select count(*) from search_documents where kind = ? and ref_id = ? and analyzer = ?")
                .params(kind, refId, ChineseTokenizer.VERSION).query(Integer.class).single() > 0;
    }

    record Rebuild(long lastPostId, boolean finished) {
    }

    /** How far the rebuild for the current analyzer has come; started (from the first post) if it was not. */
    Rebuild rebuild() {
        var found = jdbc.sql("select last_post_id, finished_at from search_rebuilds where analyzer = ?")
                .param(ChineseTokenizer.VERSION)
                .query((rs, n) -> new Rebuild(rs.getLong(1), rs.getObject(2) != null)).optional();
        if (found.isPresent()) {
            return found.get();
        }
        jdbc.sql("insert into search_rebuilds (analyzer, last_post_id) values (?, 0) on conflict do nothing")
                .param(ChineseTokenizer.VERSION).update();
        return new Rebuild(0, false);
    }

    void advanceRebuild(long lastPostId, OffsetDateTime finishedAt) {
        jdbc.sql("update search_rebuilds set last_post_id = ?, finished_at = ? where analyzer = ?")
                .params(lastPostId, finishedAt, ChineseTokenizer.VERSION).update();
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

    /**
     * Live documents in these communities holding at least {@code minMatched} of the terms, best first: summed
     * frequency with title matches counted four times, then the most recently indexed (documents are read only
     * for the page shown).
     *
     * <p>A very common word (社群 in a community about 社群) can sit in a million documents, so ranking never
     * reads every posting: it reads each word's <em>window</em>, at most {@link #CANDIDATES} of its newest
     * postings (filters applied), straight from the postings index, which holds the frequencies too.
     * <ul>
     * <li>When every word must match, the candidates are the rarest word's window (a document holding every
     * word holds that one too), and the other words' postings are looked up for those candidates only.
     * <li>When any word may match, the windows are merged and each document scores for the words whose
     * window it is in: a document that also holds a word whose newer postings fill that word's window ranks
     * as if it did not. Within a window's reach (every posting, in communities with fewer than that many
     * postings of the word) the score is exact; no other posting is read.
     * </ul>
     * Older documents beyond the windows are reached by narrowing (dates, section, author) rather than by
     * paging.
     */
    List<Hit> search(Collection<Long> communityIds, List<String> terms, int minMatched, Filter filter, int offset,
                     int limit) {
        var params = new java.util.HashMap<String, Object>();
        var communities = List.copyOf(communityIds);
        for (int c = 0; c < communities.size(); c++) {
            params.put("c" + c, communities.get(c));
        }
        params.put("min", minMatched);
        params.put("k", CANDIDATES);
        var filters = new StringBuilder();
        if (filter.sectionId() != null) {
            filters.append(" and d.section_id = :section");
            params.put("section", filter.sectionId());
        }
        if (filter.kind() != null) {
            filters.append(" and d.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.postKind() != null) {
            filters.append(" and d.post_kind = :postKind");
            params.put("postKind", filter.postKind());
        }
        if (filter.authorId() != null) {
            filters.append(" and d.author_id = :author");
            params.put("author", filter.authorId());
        }
        if (filter.from() != null) {
            filters.append(" and d.created_at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            filters.append(" and d.created_at < :to");
            params.put("to", filter.to());
        }
        boolean every = minMatched >= terms.size() && terms.size() > 1;
        String scored;
        if (every) {
            var driver = rarest(communityIds, terms);
            params.put("driver0", driver);
            params.put("others", terms.stream().filter(t -> !t.equals(driver)).toList());
            if (postgres && communities.size() == 1 && terms.size() == 2) {
                // The other word's postings among the candidates' documents: when there are at most SPAN of them
                // in the candidates' range of documents, one backward walk of that range reads them (a third of
                // the buffers of a lookup per candidate, for two common words); when the range holds more (a
                // rare first word, a very common second one), the walk stops at SPAN and each candidate is
                // looked up instead. PostgreSQL only: H2 (2.4) answered a later search from the first one's
                // CTE results when one CTE read another, and the embedded database does not need the speed.
                params.put("span", SPAN);
                scored = """
                        with c as (%s),
                        o as (select o.document_id, o.frequency + 3 * o.title_frequency as s
                              from search_terms o
                              where o.community_id = :c0 and o.term in (:others)
                                and o.document_id >= (select min(document_id) from c)
                                and o.document_id <= (select max(document_id) from c)
                              order by o.document_id desc limit :span)
                        select document_id, sum(s) as score
                        from (select document_id, s from c
                              union all
                              select document_id, s from o
                              where (select count(*) from o) < :span and document_id in (select document_id from c)
                              union all
                              select p.document_id, p.frequency + 3 * p.title_frequency
                              from search_terms p
                              where (select count(*) from o) >= :span and p.community_id = :c0 and p.term in (:others)
                                and p.document_id in (select document_id from c)) x
                        group by document_id
                        having count(*) >= :min""".formatted(window(0, filters, 1));
            } else {
                params.put("communities", communities);
                scored = """
                        with c as (%s)
                        select document_id, sum(s) as score
                        from (select document_id, s from c
                              union all
                              select o.document_id, o.frequency + 3 * o.title_frequency
                              from search_terms o
                              where o.community_id in (:communities) and o.term in (:others)
                                and o.document_id in (select document_id from c)) x
                        group by document_id
                        having count(*) >= :min""".formatted(window(0, filters, communities.size()));
            }
        } else {
            var windows = new StringBuilder();
            for (int i = 0; i < terms.size(); i++) {
                if (i > 0) {
                    windows.append(" union all ");
                }
                windows.append('(').append(window(i, filters, communities.size())).append(')');
                params.put("driver" + i, terms.get(i));
            }
            scored = "select document_id, sum(s) as score from (" + windows + ") x group by document_id";
        }
        var sql = """
                select d.id, d.community_id, d.kind, d.ref_id, d.post_id, d.post_kind, d.section_id, d.author_id, d.title,
                       d.plain_text, d.created_at, m.score
                from (%s
                      order by score desc, document_id desc limit :limit offset :offset) m
                join search_documents d on d.id = m.document_id
                order by m.score desc, m.document_id desc""".formatted(scored);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql).params(params).query(Rows.of(Hit.class)).list();
    }

    /**
     * Word {@code i}'s newest postings with their scores. A removed document has no terms left, so without
     * filters this is an index-only walk of the postings index; with them, each posting's document is read.
     *
     * <p>Across several communities, each community's window is walked on its own and the newest of them all
     * kept: the postings index is ordered by document within one community only, and with all communities in
     * one condition PostgreSQL walked every newer document of the table instead (over 200 ms for a common
     * word across two communities of the benchmark, against about 1 ms for each community's own walk).
     */
    private static String window(int i, CharSequence filters, int communities) {
        if (communities == 1) {
            return window(i, filters, ":c0");
        }
        var each = new StringBuilder();
        for (int c = 0; c < communities; c++) {
            each.append(c == 0 ? "" : " union all ").append('(').append(window(i, filters, ":c" + c)).append(')');
        }
        return "select document_id, s from (" + each + ") w order by document_id desc limit :k";
    }

    private static String window(int i, CharSequence filters, String community) {
        boolean filtered = !filters.isEmpty();
        return "select t.document_id, t.frequency + 3 * t.title_frequency as s from search_terms t"
                + (filtered ? " join search_documents d on d.id = t.document_id" : "")
                + " where t.community_id = " + community + " and t.term = :driver" + i
                + (filtered ? " and d.removed = false" + filters : "")
                + " order by t.document_id desc limit :k";
    }

    /** The term with the fewest postings in these communities (counting stops at the candidate window). */
    private String rarest(Collection<Long> communityIds, List<String> terms) {
        String best = terms.getFirst();
        int fewest = Integer.MAX_VALUE;
        var communities = List.copyOf(communityIds);
        for (var term : terms) {
            int n = postings.get(new Postings(communities, term), key -> jdbc.sql("""
                    select count(*) from (select 1 from search_terms where community_id in (:communities) and term = :term
                    limit :cap) x""")
                    .param("communities", key.communityIds()).param("term", key.term()).param("cap", CANDIDATES + 1)
                    .query(Integer.class).single());
            if (n < fewest) {
                fewest = n;
                best = term;
            }
        }
        return best;
    }

    /**
     * How many of the newest matching documents per word are ranked (see {@link #search}). The ranking query's
     * cost grows with it (on the 6-million-document benchmark: 20 ms at 2,000, 5 ms at 500); recent matches
     * are what a community's members look for first, and a filter reaches older ones.
     */
    static final int CANDIDATES = 500;

    /** How many of the second word's postings a two-word search walks before looking up each candidate instead. */
    static final int SPAN = 4 * CANDIDATES;

    /** Rows per insert of a document's terms: 2,500 parameters, far below the drivers' limits. */
    static final int TERMS_PER_INSERT = 500;
}
