package org.shequn.voting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Elections, candidates, the roll (who may vote, and whether they have) and the ballots. The ballot tables hold a
 * random receipt code and the candidates marked, nothing else: no voter, no time, no sequence; the roll's
 * {@code voted} flag is set in the same transaction that writes the ballot.
 */
@Repository
class ElectionStore {

    record ElectionRow(long id, long communityId, String scope, Long scopeId, String title, String details, int seats,
                       int minMemberDays, int termDays, long createdBy, OffsetDateTime createdAt,
                       OffsetDateTime votingOpensAt, OffsetDateTime votingClosesAt, OffsetDateTime rollFixedAt,
                       OffsetDateTime countedAt, OffsetDateTime termEndsAt, OffsetDateTime termEndedAt) {

        ElectionPhase phase(OffsetDateTime now) {
            return ElectionPhase.at(now, votingOpensAt, votingClosesAt);
        }

        /** The whole community (electing core members), or one sub-group (electing its leader). */
        org.shequn.membership.Scope scopeOf() {
            return SUBGROUP.equals(scope) ? org.shequn.membership.Scope.of(scopeId) : org.shequn.membership.Scope.community();
        }

        boolean leaderElection() {
            return SUBGROUP.equals(scope);
        }
    }

    static final String SUBGROUP = "SUBGROUP";

    record CandidateRow(long id, long accountId, long nominatedBy, String statement, OffsetDateTime nominatedAt,
                        OffsetDateTime acceptedAt, Integer electedRank) {
    }

    private static final String COLUMNS = """
            id, community_id, scope, scope_id, title, details, seats, min_member_days, term_days, created_by, created_at,
            voting_opens_at, voting_closes_at, roll_fixed_at, counted_at, term_ends_at, term_ended_at""";
    static final int LIST_MAX = 50;

    private final JdbcClient jdbc;

    ElectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, String title, String details, int seats, int minMemberDays, int termDays,
                long createdBy, OffsetDateTime now, OffsetDateTime opensAt, OffsetDateTime closesAt, Long subgroupId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into elections (community_id, scope, scope_id, title, details, seats, min_member_days, term_days,
                created_by, created_at, voting_opens_at, voting_closes_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, subgroupId == null ? "COMMUNITY" : SUBGROUP, subgroupId, title, details, seats,
                        minMemberDays, termDays, createdBy, now, opensAt, closesAt)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ElectionRow> byId(long communityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from elections where community_id = ? and id = ?")
                .params(communityId, id).query(ElectionStore::row).optional();
    }

    /** Newest first; {@code scopeFilter} is membership's {@code Scope.filter} on {@code scope_id} (numbers only). */
    List<ElectionRow> list(long communityId, String scopeFilter) {
        return jdbc.sql("select " + COLUMNS + " from elections where community_id = ?" + scopeFilter
                        + " order by created_at desc, id desc limit ?")
                .params(communityId, LIST_MAX).query(ElectionStore::row).list();
    }

    /** One sub-group's leader elections, newest first. */
    List<ElectionRow> ofSubgroup(long communityId, long subgroupId) {
        return jdbc.sql("select " + COLUMNS + " from elections where community_id = ? and scope = ? and scope_id = ?"
                        + " order by created_at desc, id desc limit ?")
                .params(communityId, SUBGROUP, subgroupId, LIST_MAX).query(ElectionStore::row).list();
    }

    /** Elections whose roll is due (voting open) or whose count is due (voting closed), or whose term ended. */
    List<ElectionRow> due(OffsetDateTime now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from elections where (roll_fixed_at is null and voting_opens_at <= ?)"
                        + " or (counted_at is null and voting_closes_at <= ?)"
                        + " or (term_ended_at is null and term_ends_at <= ?) order by id limit ?")
                .params(now, now, now, limit).query(ElectionStore::row).list();
    }

    long insertCandidate(long electionId, long accountId, long nominatedBy, String statement, OffsetDateTime now,
                         OffsetDateTime acceptedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into election_candidates (election_id, account_id, nominated_by, statement, nominated_at, accepted_at)
                values (?, ?, ?, ?, ?, ?)""").params(electionId, accountId, nominatedBy, statement, now, acceptedAt)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean isNominated(long electionId, long accountId) {
        return jdbc.sql("select count(*) from election_candidates where election_id = ? and account_id = ?")
                .params(electionId, accountId).query(Integer.class).single() > 0;
    }

    /** In order of nomination, the order the tie-break names. */
    List<CandidateRow> candidates(long electionId) {
        return jdbc.sql("""
                select id, account_id, nominated_by, statement, nominated_at, accepted_at, elected_rank
                from election_candidates where election_id = ? order by id""").param(electionId)
                .query((rs, n) -> new CandidateRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                        rs.getObject(7, Integer.class))).list();
    }

    int accept(long electionId, long candidateId, long accountId, String statement, OffsetDateTime now) {
        return jdbc.sql("""
                update election_candidates set accepted_at = ?, statement = ?
                where election_id = ? and id = ? and account_id = ? and accepted_at is null""")
                .params(now, statement, electionId, candidateId, accountId).update();
    }

    /** 1 for the one caller that fixes the roll; 0 for any other (the row lock orders them). */
    int claimRoll(long electionId, OffsetDateTime now) {
        return jdbc.sql("update elections set roll_fixed_at = ? where id = ? and roll_fixed_at is null")
                .params(now, electionId).update();
    }

    void addToRoll(long electionId, List<Long> accountIds) {
        for (long account : accountIds) {
            jdbc.sql("insert into election_roll (election_id, account_id, voted) values (?, ?, false)")
                    .params(electionId, account).update();
        }
    }

    /** The roll: account → voted. */
    Map<Long, Boolean> roll(long electionId) {
        var roll = new LinkedHashMap<Long, Boolean>();
        jdbc.sql("select account_id, voted from election_roll where election_id = ? order by account_id").param(electionId)
                .query((rs, n) -> roll.put(rs.getLong(1), rs.getBoolean(2))).list();
        return roll;
    }

    Optional<Boolean> onRoll(long electionId, long accountId) {
        return jdbc.sql("select voted from election_roll where election_id = ? and account_id = ?")
                .params(electionId, accountId).query(Boolean.class).optional();
    }

    /** 1 when the voter had not voted and now has; 0 otherwise (the guard against voting twice, even at once). */
    int markVoted(long electionId, long accountId) {
        return jdbc.sql("update election_roll set voted = true where election_id = ? and account_id = ? and voted = false")
                .params(electionId, accountId).update();
    }

    void insertBallot(long electionId, String receipt, List<Long> candidateIds) {
        jdbc.sql("insert into election_ballots (election_id, receipt) values (?, ?)").params(electionId, receipt).update();
        for (long candidate : candidateIds) {
            jdbc.sql("insert into election_marks (election_id, receipt, candidate_id) values (?, ?, ?)")
                    .params(electionId, receipt, candidate).update();
        }
    }

    /** Every ballot, by receipt code (a random order, unrelated to when each came in): receipt → candidate ids. */
    Map<String, List<Long>> ballots(long electionId) {
        var ballots = new LinkedHashMap<String, List<Long>>();
        jdbc.sql("select receipt from election_ballots where election_id = ? order by receipt").param(electionId)
                .query(String.class).list().forEach(r -> ballots.put(r, new ArrayList<>()));
        jdbc.sql("select receipt, candidate_id from election_marks where election_id = ? order by receipt, candidate_id")
                .param(electionId).query((rs, n) -> ballots.get(rs.getString(1)).add(rs.getLong(2))).list();
        return ballots;
    }

    int ballotCount(long electionId) {
        return jdbc.sql("select count(*) from election_ballots where election_id = ?").param(electionId)
                .query(Integer.class).single();
    }

    /** 1 for the one caller that publishes the count; 0 for any other. */
    int claimCount(long electionId, OffsetDateTime now, OffsetDateTime termEndsAt) {
        return jdbc.sql("update elections set counted_at = ?, term_ends_at = ? where id = ? and counted_at is null")
                .params(now, termEndsAt, electionId).update();
    }

    void elect(long candidateId, int rank) {
        jdbc.sql("update election_candidates set elected_rank = ? where id = ?").params(rank, candidateId).update();
    }

    int claimTermEnd(long electionId, OffsetDateTime now) {
        return jdbc.sql("update elections set term_ended_at = ? where id = ? and term_ended_at is null and term_ends_at <= ?")
                .params(now, electionId, now).update();
    }

    private static ElectionRow row(ResultSet rs, int n) throws SQLException {
        return new ElectionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getLong(10),
                rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
                rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class),
                rs.getObject(15, OffsetDateTime.class), rs.getObject(16, OffsetDateTime.class),
                rs.getObject(17, OffsetDateTime.class));
    }
}
