package org.shequn.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The background rebuild, and the bounded cost of very common words. */
@IntegrationTest
class SearchRebuildTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SearchRebuild rebuild;

    SearchTests.Fixture fixture() throws Exception {
        return SearchTests.Fixture.create(new Api(mvc), jdbc, "rebuild-");
    }

    @Test
    void postsWrittenBeforeTheIndexOrByAnOlderAnalyzerAreFoundAfterTheRebuild() throws Exception {
        var f = fixture();
        long missing = f.discussion(f.member(), "灯塔计划：写给社群主理人的第一封信");
        long comment = f.comment(f.owner(), missing, "灯塔计划很好");
        long stale = f.discussion(f.member(), "燈塔計劃的繁體版本");
        SearchTests.eventually(() -> assertThat(f.postIds(f.member(), "灯塔")).contains(missing, stale));
        // as if the first post predated the index and the second had been written by analyzer version 1
        jdbc.sql("delete from search_terms where document_id in (select id from search_documents where post_id = ?)")
                .param(missing).update();
        jdbc.sql("delete from search_documents where post_id = ?").param(missing).update();
        jdbc.sql("update search_documents set analyzer = 1 where post_id = ?").param(stale).update();
        jdbc.sql("delete from search_terms where document_id in (select id from search_documents where post_id = ?) and term = ?")
                .params(stale, "灯塔").update();
        assertThat(f.postIds(f.member(), "灯塔")).doesNotContain(missing, stale);

        jdbc.sql("delete from search_rebuilds").update();
        while (rebuild.step(50)) {
            // walk to the end
        }
        assertThat(f.postIds(f.member(), "灯塔")).contains(missing, stale);
        assertThat(SearchTests.ids(f.search(f.member(), "q=灯塔计划&kind=comment"), "commentId")).containsExactly(comment);
        assertThat(jdbc.sql("select count(*) from search_documents where post_id in (?, ?) and analyzer < ?")
                .params(missing, stale, ChineseTokenizer.VERSION).query(Integer.class).single()).isZero();
        // finished: the next run has nothing to do
        assertThat(rebuild.step(50)).isFalse();
    }

    @Test
    void aRareWordFindsAnOldPostBehindThousandsOfNewerOnesWithACommonWord() throws Exception {
        var f = fixture();
        long old = f.discussion(f.member(), "社群里的萤火虫之夜");
        SearchTests.eventually(() -> assertThat(f.postIds(f.member(), "萤火虫")).containsExactly(old));
        // more newer documents holding 社群 than the ranking window reads, and than a two-word search walks
        var now = OffsetDateTime.now();
        for (int i = 0; i < SearchStore.SPAN + 50; i++) {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    insert into search_documents (community_id, kind, ref_id, post_id, post_kind, section_id, author_id,
                        title, plain_text, created_at, removed, analyzer)
                    values (?, 'POST', ?, ?, 'DISCUSSION', null, ?, '', '社群的日常', ?, false, ?)""")
                    .params(f.communityId(), -1_000_000L - i, -1_000_000L - i, f.member().id(), now, ChineseTokenizer.VERSION)
                    .update(keys, "id");
            jdbc.sql("insert into search_terms (community_id, term, document_id, frequency, title_frequency) values (?, '社群', ?, 1, 0)")
                    .params(f.communityId(), keys.getKeyAs(Number.class).longValue()).update();
        }
        // every word must match: driven by the rare word, so the old post is found
        assertThat(f.postIds(f.member(), "社群 萤火虫")).containsExactly(old);
        // with a new post holding both words, the old one is still found: too many of 社群's postings lie
        // between the two for one walk, so each candidate is looked up
        long fresh = f.discussion(f.member(), "社群的萤火虫又来了");
        SearchTests.eventually(() -> assertThat(f.postIds(f.member(), "萤火虫")).contains(fresh));
        assertThat(f.postIds(f.member(), "社群 萤火虫")).containsExactly(fresh, old);
        // the common word alone ranks within the newest window: a full page, quickly, without the old post
        var common = f.search(f.member(), "q=社群");
        assertThat(common.get("items").size()).isEqualTo(Searching.PAGE_SIZE);
        assertThat(SearchTests.ids(common, "postId")).doesNotContain(old);
    }
}
