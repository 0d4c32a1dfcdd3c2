package org.shequn.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.shequn.shared.jdbc.Rows;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hot feed: keeps each post's counters and {@link HotScore} current on activity, and reads the feed by
 * score. Comments arrive as content's own events and reactions through {@link PostActivity}, both synchronously,
 * inside the transaction that wrote the comment or reaction, so the counters commit or roll back with it and a
 * change is counted exactly once. Each change re-derives the score
 * from the row's counters in one UPDATE, so concurrent changes to one post cannot lose each other's counts.
 */
@Component
class HotFeed implements PostActivity {

    /** A post with the score the page's cursor continues from. */
    record Scored(PostRow post, double score) {
    }

    private static final Rows<PostRow> POST = Rows.of(PostRow.class);

    private final JdbcClient jdbc;

    HotFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CommentAdded added) {
        update(added.postId(), 0, 1, participate(added.postId(), added.postAuthorId(), added.authorId()));
    }

    @EventListener
    void on(CommentRemoved removed) {
        if (!removed.withdrawn()) {
            return; // a rejected held comment was never counted
        }
        // a participant stays one (see README)
        update(removed.postId(), 0, -1, false);
    }

    @Override
    public void reactionAdded(long postId, Long commentId, long reactorId) {
        var author = jdbc.sql("select author_id from posts where id = ?").param(postId).query(Long.class).optional();
        update(postId, commentId == null ? 1 : 0,
                0, author.isPresent() && participate(postId, author.get(), reactorId));
    }

    @Override
    public void reactionRemoved(long postId, Long commentId) {
        if (commentId == null) {
            update(postId, -1, 0, false);
        }
    }

    /** Counts {@code accountId} once among the post's participants (the author is never one); true when new. */
    private boolean participate(long postId, long postAuthorId, long accountId) {
        return accountId != postAuthorId
                && jdbc.sql("insert into post_participants (post_id, account_id) values (?, ?) on conflict do nothing")
                .params(postId, accountId).update() > 0;
    }

    /**
     * Moves the post's counters and re-derives {@link HotScore#of} from them in SQL, in one statement (every
     * comment and reaction runs it): one new row version per change, and concurrent changes to one post add
     * up instead of overwriting each other. An UPDATE's right-hand sides see the row as it was, hence the
     * changes written out again inside the score.
     */
    private void update(long postId, int reactions, int comments, boolean joined) {
        int participants = joined ? 1 : 0;
        jdbc.sql("""
                update posts set reaction_count = greatest(0, reaction_count + :r), comment_count = comment_count + :c,
                    participant_count = participant_count + :p,
                    hot_score = log10(cast(greatest(1, greatest(0, reaction_count + :r) + 2 * (comment_count + :c)
                        + 3 * (participant_count + :p)) as double precision))
                        + cast(floor(extract(epoch from created_at)) as double precision) / %d
                where id = :id""".formatted((long) HotScore.DECAY_SECONDS))
                .param("r", reactions).param("c", comments).param("p", participants).param("id", postId).update();
    }

    /**
     * One page of the hot order, highest score first, after ({@code beforeScore}, {@code beforeId}) when given.
     * Pinned posts take their place by score here: pinning puts a post on top of the latest view only.
     */
    List<Scored> page(long communityId, Long sectionId, boolean withHidden, String tag, String audience, Double beforeScore,
                      long beforeId, int limit) {
        var sql = new StringBuilder("select " + PostStore.COLUMNS + ", hot_score from posts where ")
                .append(sectionId != null ? "section_id = :scope" : "community_id = :scope")
                .append(" and deleted_at is null");
        if (!withHidden) {
            sql.append(" and hidden_at is null");
        }
        if (tag != null) {
            sql.append(" and ").append(PostStore.TAGGED);
        }
        sql.append(audience);
        if (beforeScore != null) {
            sql.append(" and hot_score <= :score and (hot_score < :score or id < :id)");
        }
        sql.append(" order by hot_score desc, id desc limit ").append(Math.max(1, Math.min(limit, 101)));
        var spec = jdbc.sql(sql.toString()).param("scope", sectionId != null ? sectionId : communityId);
        if (tag != null) {
            spec = spec.param("tag", tag);
        }
        if (beforeScore != null) {
            spec = spec.param("score", beforeScore).param("id", beforeId);
        }
        return spec.query(HotFeed::scored).list();
    }

    private static Scored scored(ResultSet rs, int row) throws SQLException {
        return new Scored(POST.mapRow(rs, row), rs.getDouble("hot_score"));
    }
}
