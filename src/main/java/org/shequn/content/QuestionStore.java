package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The questions table: whom a question post is addressed to and the answer its asker accepted. */
@Repository
class QuestionStore {

    record QuestionRow(long postId, long communityId, long askerId, Long addresseeId, Long acceptedCommentId,
                       OffsetDateTime acceptedAt) {
    }

    /** What a feed card shows: solved only while the accepted answer is still there (not deleted or hidden). */
    record Summary(long postId, Long addresseeId, boolean solved) {
    }

    private final JdbcClient jdbc;

    QuestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long postId, long communityId, long askerId, Long addresseeId) {
        jdbc.sql("insert into questions (post_id, community_id, asker_id, addressee_id) values (?, ?, ?, ?)")
                .params(postId, communityId, askerId, addresseeId).update();
    }

    Optional<QuestionRow> byPost(long postId) {
        return jdbc.sql("""
                select post_id, community_id, asker_id, addressee_id, accepted_comment_id, accepted_at
                from questions where post_id = ?""").param(postId).query(Rows.of(QuestionRow.class)).optional();
    }

    /** Accepts {@code commentId}, or with null undoes the acceptance. */
    void accept(long postId, Long commentId, OffsetDateTime at) {
        jdbc.sql("update questions set accepted_comment_id = ?, accepted_at = ? where post_id = ?")
                .params(commentId, at, postId).update();
    }

    Map<Long, Summary> summaries(Collection<Long> postIds) {
        var result = new HashMap<Long, Summary>();
        if (postIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select q.post_id, q.addressee_id, case when c.id is null then 0 else 1 end as solved
                from questions q left join comments c
                  on c.id = q.accepted_comment_id and c.deleted_at is null and c.hidden_at is null
                where q.post_id in (:ids)""").param("ids", postIds)
                .query((rs, n) -> new Summary(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getInt(3) == 1))
                .list().forEach(s -> result.put(s.postId(), s));
        return result;
    }
}
