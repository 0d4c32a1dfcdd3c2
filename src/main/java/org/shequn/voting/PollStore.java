package org.shequn.voting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Polls, their options, who voted, and the choices under a random ballot id. */
@Repository
class PollStore {

    record PollRow(long id, long communityId, long authorId, String question, int maxChoices, PollResults results,
                   boolean anonymous, OffsetDateTime closesAt, OffsetDateTime createdAt, OffsetDateTime closedAt,
                   Long subgroupId) {

        /** The whole community's, or one sub-group's (membership's rules: who sees it, votes in it, runs it). */
        org.shequn.membership.Scope scope() {
            return org.shequn.membership.Scope.of(subgroupId);
        }

        /** Closed early by a runner, or past its deadline. */
        boolean closed(OffsetDateTime now) {
            return closedAt != null || !now.isBefore(closesAt);
        }
    }

    record OptionRow(long id, int position, String label) {
    }

    private static final String COLUMNS = """
            id, community_id, author_id, question, max_choices, results, anonymous, closes_at, created_at, closed_at,
            subgroup_id""";
    static final int LIST_MAX = 100;

    private final JdbcClient jdbc;

    PollStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, long authorId, String question, int maxChoices, PollResults results,
                boolean anonymous, OffsetDateTime closesAt, OffsetDateTime now, List<String> options, Long subgroupId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into polls (community_id, author_id, question, max_choices, results, anonymous, closes_at, created_at,
                subgroup_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, authorId, question, maxChoices, results.name(), anonymous, closesAt, now, subgroupId)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < options.size(); i++) {
            jdbc.sql("insert into poll_options (poll_id, position, label) values (?, ?, ?)")
                    .params(id, i, options.get(i)).update();
        }
        return id;
    }

    Optional<PollRow> byId(long communityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from polls where community_id = ? and id = ?")
                .params(communityId, id).query(PollStore::row).optional();
    }

    /** Newest first; {@code scopeFilter} is membership's {@code Scope.filter} on {@code subgroup_id} (numbers only). */
    List<PollRow> list(long communityId, String scopeFilter) {
        return jdbc.sql("select " + COLUMNS + " from polls where community_id = ?" + scopeFilter
                        + " order by created_at desc, id desc limit ?")
                .params(communityId, LIST_MAX).query(PollStore::row).list();
    }

    /** One sub-group's polls, newest first. */
    List<PollRow> ofSubgroup(long communityId, long subgroupId) {
        return jdbc.sql("select " + COLUMNS + " from polls where community_id = ? and subgroup_id = ?"
                        + " order by created_at desc, id desc limit ?")
                .params(communityId, subgroupId, LIST_MAX).query(PollStore::row).list();
    }

    List<OptionRow> options(long pollId) {
        return jdbc.sql("select id, position, label from poll_options where poll_id = ? order by position")
                .param(pollId).query((rs, n) -> new OptionRow(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
    }

    /** 1 for the member's one vote; 0 when they had voted (the primary key is the guard, even at the same moment). */
    int markVoted(long pollId, long accountId, String namedBallotId, OffsetDateTime now) {
        return jdbc.sql("insert into poll_voters (poll_id, account_id, ballot_id, voted_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(pollId, accountId, namedBallotId, now).update();
    }

    void choose(long pollId, String ballotId, long optionId) {
        jdbc.sql("insert into poll_choices (poll_id, ballot_id, option_id) values (?, ?, ?)")
                .params(pollId, ballotId, optionId).update();
    }

    boolean voted(long pollId, long accountId) {
        return jdbc.sql("select count(*) from poll_voters where poll_id = ? and account_id = ?")
                .params(pollId, accountId).query(Integer.class).single() > 0;
    }

    /** Which of these polls the member voted in. */
    List<Long> votedIn(long accountId, List<Long> pollIds) {
        if (pollIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select poll_id from poll_voters where account_id = :me and poll_id in (:ids)")
                .param("me", accountId).param("ids", pollIds).query(Long.class).list();
    }

    int voters(long pollId) {
        return jdbc.sql("select count(*) from poll_voters where poll_id = ?").param(pollId).query(Integer.class).single();
    }

    /** Option id → how many chose it. */
    Map<Long, Integer> counts(long pollId) {
        var counts = new HashMap<Long, Integer>();
        jdbc.sql("select option_id, count(*) from poll_choices where poll_id = ? group by option_id").param(pollId)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    /** In a named poll: option id → the accounts that chose it, in the order they voted. */
    Map<Long, List<Long>> namedChoices(long pollId) {
        var named = new HashMap<Long, List<Long>>();
        jdbc.sql("""
                select c.option_id, v.account_id from poll_voters v
                join poll_choices c on c.poll_id = v.poll_id and c.ballot_id = v.ballot_id
                where v.poll_id = ? and v.ballot_id is not null order by v.voted_at, v.account_id""").param(pollId)
                .query((rs, n) -> named.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return named;
    }

    /** 1 when closed now; 0 when it was closed already. */
    int close(long pollId, long byAccountId, OffsetDateTime now) {
        return jdbc.sql("update polls set closed_at = ?, closed_by = ? where id = ? and closed_at is null and closes_at > ?")
                .params(now, byAccountId, pollId, now).update();
    }

    private static PollRow row(ResultSet rs, int n) throws SQLException {
        return new PollRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                PollResults.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, Long.class));
    }
}
