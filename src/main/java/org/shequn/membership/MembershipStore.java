package org.shequn.membership;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.community.CommunityRole;
import org.shequn.shared.jdbc.Rows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The memberships table, the seat row that serializes changes per community, bans, mutes, and the audit trail. */
@Repository
class MembershipStore {

    /** A member as the manage page lists them. */
    record MemberRow(long accountId, CommunityRole role, JoinedVia joinedVia, Long invitedBy, OffsetDateTime joinedAt) {
    }

    /** One of my memberships. */
    record MineRow(long communityId, CommunityRole role, OffsetDateTime joinedAt) {
    }

    record BanRow(long accountId, long bannedBy, String reason, OffsetDateTime createdAt) {
    }

    record AuditRow(long id, Long actorId, Long subjectId, String action, String detail, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the community's seat row until the transaction ends and returns the real member count. Every
     * membership change of one community goes through here first, so they run one at a time.
     */
    int lockSeats(long communityId) {
        boolean exists = jdbc.sql("select count(*) from community_seats where community_id = ?").param(communityId)
                .query(Integer.class).single() > 0;
        if (!exists) {
            try {
                jdbc.sql("insert into community_seats (community_id, members) values (?, 0) on conflict do nothing")
                        .param(communityId).update();
            } catch (DuplicateKeyException raced) {
                // someone else created it a moment ago: fine, we lock theirs
            }
        }
        jdbc.sql("select members from community_seats where community_id = ? for update").param(communityId)
                .query(Integer.class).single();
        return count(communityId);
    }

    /** Keeps the seat row's mirror of the member count right, inside the locking transaction. */
    void syncSeats(long communityId) {
        jdbc.sql("""
                update community_seats set members = (select count(*) from memberships where community_id = ?)
                where community_id = ?""").params(communityId, communityId).update();
    }

    void createSeats(long communityId, int members) {
        jdbc.sql("insert into community_seats (community_id, members) values (?, ?) on conflict do nothing")
                .params(communityId, members).update();
    }

    void insert(long communityId, long accountId, CommunityRole role, JoinedVia via, Long invitedBy, Long invitationId,
                OffsetDateTime now) {
        jdbc.sql("""
                insert into memberships (community_id, account_id, role, joined_via, invited_by, invitation_id, joined_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, accountId, role.name(), via.name(), invitedBy, invitationId, now).update();
    }

    /** Ends a membership, keeping when it began and ended for the member count's history. */
    void delete(long communityId, long accountId, OffsetDateTime now) {
        jdbc.sql("""
                insert into member_departures (community_id, account_id, joined_at, left_at)
                select community_id, account_id, joined_at, ? from memberships where community_id = ? and account_id = ?""")
                .params(now, communityId, accountId).update();
        jdbc.sql("delete from memberships where community_id = ? and account_id = ?").params(communityId, accountId)
                .update();
    }

    /** Members who joined at or after {@code since}, newest first. */
    List<Long> joinedSince(long communityId, OffsetDateTime since, int limit) {
        return jdbc.sql("select account_id from memberships where community_id = ? and joined_at >= ?"
                        + " order by joined_at desc, account_id desc limit ?")
                .params(communityId, since, limit).query(Long.class).list();
    }

    int countJoinedSince(long communityId, OffsetDateTime since) {
        return jdbc.sql("select count(*) from memberships where community_id = ? and joined_at >= ?")
                .params(communityId, since).query(Integer.class).single();
    }

    /**
     * How many were members at each of the given moments: today's members who had joined by then, and those who had
     * joined by then and left after. Two statements whatever the number of moments.
     */
    List<Integer> countsAt(long communityId, List<OffsetDateTime> moments) {
        var joined = jdbc.sql("select joined_at from memberships where community_id = ? and joined_at < ?")
                .params(communityId, moments.getLast()).query(OffsetDateTime.class).list();
        var departed = jdbc.sql("select joined_at, left_at from member_departures where community_id = ? and left_at > ?")
                .params(communityId, moments.getFirst())
                .query((rs, n) -> new OffsetDateTime[] {rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)})
                .list();
        var counts = new java.util.ArrayList<Integer>();
        for (var at : moments) {
            int n = 0;
            for (var j : joined) {
                if (!j.isAfter(at)) {
                    n++;
                }
            }
            for (var d : departed) {
                if (!d[0].isAfter(at) && d[1].isAfter(at)) {
                    n++;
                }
            }
            counts.add(n);
        }
        return counts;
    }

    Optional<CommunityRole> role(long communityId, long accountId) {
        return jdbc.sql("select role from memberships where community_id = ? and account_id = ?")
                .params(communityId, accountId).query(String.class).optional().map(CommunityRole::valueOf);
    }

    /** A role set by hand has no term: an elected core member made admin (or member) keeps no end date. */
    void setRole(long communityId, long accountId, CommunityRole role) {
        jdbc.sql("update memberships set role = ?, core_until = null where community_id = ? and account_id = ?")
                .params(role.name(), communityId, accountId).update();
    }

    /** 1 when a plain member (or a core member with a term) became a core member until then; 0 otherwise. */
    int grantCoreTerm(long communityId, long accountId, OffsetDateTime until) {
        return jdbc.sql("""
                update memberships set role = 'CORE', core_until = ? where community_id = ? and account_id = ?
                and (role = 'MEMBER' or (role = 'CORE' and core_until is not null))""")
                .params(until, communityId, accountId).update();
    }

    /** 1 when the member's elected term (ending at or before {@code now}) ended and they are a member again. */
    int endCoreTerm(long communityId, long accountId, OffsetDateTime now) {
        return jdbc.sql("""
                update memberships set role = 'MEMBER', core_until = null where community_id = ? and account_id = ?
                and role = 'CORE' and core_until is not null and core_until <= ?""")
                .params(communityId, accountId, now).update();
    }

    int count(long communityId) {
        return jdbc.sql("select count(*) from memberships where community_id = ?").param(communityId)
                .query(Integer.class).single();
    }

    /**
     * Member counts for display, read from the seat rows that every join and departure keeps exact under
     * the community's lock: one indexed row per community instead of counting up to 100,000 memberships
     * on every page view. (Seat checks themselves count the real rows while holding the lock.)
     */
    Map<Long, Integer> counts(Collection<Long> communityIds) {
        var result = new HashMap<Long, Integer>();
        if (communityIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select community_id, members from community_seats where community_id in (:ids)")
                .param("ids", List.copyOf(communityIds))
                .query((rs, n) -> result.put(rs.getLong(1), rs.getInt(2))).list();
        var missing = communityIds.stream().filter(id -> !result.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            jdbc.sql("select community_id, count(*) from memberships where community_id in (:ids) group by community_id")
                    .param("ids", missing)
                    .query((rs, n) -> result.put(rs.getLong(1), rs.getInt(2))).list();
        }
        return result;
    }

    /**
     * The member count (from the seat row, else counted) and the account's role, ban and mute in a community, in
     * one statement: the gate's only read. An account id of 0 (anonymous) matches no row.
     */
    StandingRow standing(long communityId, long accountId) {
        return jdbc.sql("""
                select coalesce((select members from community_seats where community_id = :c),
                                (select count(*) from memberships where community_id = :c)) as members,
                       (select role from memberships where community_id = :c and account_id = :a) as role,
                       (select count(*) from bans where community_id = :c and account_id = :a) as bans,
                       (select until_at from member_mutes where community_id = :c and account_id = :a) as muted_until,
                       (select expires_at from memberships where community_id = :c and account_id = :a) as expires_at,
                       (select subgroup_id from subgroup_members where community_id = :c and account_id = :a) as subgroup_id,
                       (select count(*) from subgroup_members m join subgroups g on g.id = m.subgroup_id and g.leader_id = m.account_id
                        where m.community_id = :c and m.account_id = :a) as leads""")
                .param("c", communityId).param("a", accountId)
                .query((rs, n) -> new StandingRow(rs.getInt(1),
                        Optional.ofNullable(rs.getString(2)).map(CommunityRole::valueOf).orElse(null),
                        rs.getInt(3) > 0, rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                        (Long) rs.getObject(6, Long.class), rs.getInt(7) > 0))
                .single();
    }

    /** {@code subgroupId}: the viewer's sub-group (at most one per community); {@code leads}: whether they lead one. */
    record StandingRow(int members, CommunityRole role, boolean banned, OffsetDateTime mutedUntil,
                       OffsetDateTime expiresAt, Long subgroupId, boolean leads) {
    }

    /** The end of a paid membership's term; null for a membership without one (free, lifetime, grandfathered). */
    void setExpiry(long communityId, long accountId, OffsetDateTime expiresAt) {
        jdbc.sql("update memberships set expires_at = ? where community_id = ? and account_id = ?")
                .params(expiresAt, communityId, accountId).update();
    }

    /** Every membership of the community without an end: what a community that stops charging gives its members. */
    int clearExpiries(long communityId) {
        return jdbc.sql("update memberships set expires_at = null where community_id = ? and expires_at is not null")
                .param(communityId).update();
    }

    record TermRow(long communityId, long accountId, OffsetDateTime expiresAt) {
    }

    Optional<TermRow> term(long communityId, long accountId) {
        return jdbc.sql("select community_id, account_id, expires_at from memberships where community_id = ? and account_id = ?")
                .params(communityId, accountId).query((rs, n) -> new TermRow(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class))).optional();
    }

    /** Memberships whose term has ended by {@code now} and was not announced yet, oldest end first. */
    List<TermRow> lapsing(OffsetDateTime now, int limit) {
        return jdbc.sql("select community_id, account_id, expires_at from memberships where expires_at <= ? and lapsed_at is null"
                        + " order by expires_at, community_id, account_id limit ?")
                .params(now, limit).query((rs, n) -> new TermRow(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class))).list();
    }

    /** Claims an ended term's announcement: true for the one caller that did. */
    boolean markLapsed(long communityId, long accountId, OffsetDateTime now) {
        return jdbc.sql("""
                update memberships set lapsed_at = ?
                where community_id = ? and account_id = ? and lapsed_at is null and expires_at <= ?""")
                .params(now, communityId, accountId, now).update() == 1;
    }

    /** What a lapsed member's directory entry is made of. */
    record Lapsed(CommunityRole role, OffsetDateTime joinedAt, Long invitedBy, OffsetDateTime expiresAt) {
    }

    /** Ends an announced lapse (the term was renewed, or has no end now); empty when there was none. */
    Optional<Lapsed> clearLapse(long communityId, long accountId) {
        var row = jdbc.sql("""
                select role, joined_at, invited_by, expires_at from memberships
                where community_id = ? and account_id = ? and lapsed_at is not null""")
                .params(communityId, accountId)
                .query((rs, n) -> new Lapsed(CommunityRole.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, Long.class), rs.getObject(4, OffsetDateTime.class))).optional();
        if (row.isEmpty() || jdbc.sql("""
                update memberships set lapsed_at = null where community_id = ? and account_id = ? and lapsed_at is not null""")
                .params(communityId, accountId).update() != 1) {
            return Optional.empty();
        }
        return row;
    }

    /** The community's announced lapses (for a community that stops charging). */
    List<Long> lapsedIn(long communityId) {
        return jdbc.sql("select account_id from memberships where community_id = ? and lapsed_at is not null order by account_id")
                .param(communityId).query(Long.class).list();
    }

    /** Memberships whose term ends in [from, to), soonest first. */
    List<TermRow> expiring(OffsetDateTime from, OffsetDateTime to, int limit) {
        return jdbc.sql("select community_id, account_id, expires_at from memberships where expires_at >= ? and expires_at < ?"
                        + " order by expires_at, community_id, account_id limit ?")
                .params(from, to, limit).query((rs, n) -> new TermRow(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class))).list();
    }

    Optional<MemberMute> mute(long communityId, long accountId) {
        return jdbc.sql("select account_id, until_at, reason, muted_by from member_mutes where community_id = ? and account_id = ?")
                .params(communityId, accountId).query(Rows.of(MemberMute.class)).optional();
    }

    List<MemberMute> mutes(long communityId, OffsetDateTime now) {
        return jdbc.sql("select account_id, until_at, reason, muted_by from member_mutes where community_id = ? and until_at > ?"
                        + " order by until_at")
                .params(communityId, now).query(Rows.of(MemberMute.class)).list();
    }

    void setMute(long communityId, long accountId, OffsetDateTime until, String reason, long by) {
        if (jdbc.sql("update member_mutes set until_at = ?, reason = ?, muted_by = ? where community_id = ? and account_id = ?")
                .params(until, reason, by, communityId, accountId).update() == 0) {
            jdbc.sql("insert into member_mutes (community_id, account_id, until_at, reason, muted_by) values (?, ?, ?, ?, ?)")
                    .params(communityId, accountId, until, reason, by).update();
        }
    }

    boolean unmute(long communityId, long accountId) {
        return jdbc.sql("delete from member_mutes where community_id = ? and account_id = ?")
                .params(communityId, accountId).update() > 0;
    }

    /**
     * A ban removes the membership; the bans are checked too, so a ban alone never leaves a shared community. A
     * membership whose term has ended is no membership here either, as at the gate.
     */
    boolean shareCommunity(long a, long b, OffsetDateTime now) {
        return jdbc.sql("""
                select count(*) from memberships m
                join memberships o on o.community_id = m.community_id and o.account_id = :b
                where m.account_id = :a
                  and (m.expires_at is null or m.expires_at > :now) and (o.expires_at is null or o.expires_at > :now)
                  and not exists (select 1 from bans x where x.community_id = m.community_id and x.account_id in (:a, :b))""")
                .param("a", a).param("b", b).param("now", now).query(Integer.class).single() > 0;
    }

    List<Long> communitiesOf(long accountId) {
        return jdbc.sql("select community_id from memberships where account_id = ? order by community_id")
                .param(accountId).query(Long.class).list();
    }

    /** Keyset page on the primary key (community_id, account_id). */
    List<Long> memberIds(long communityId, long afterAccountId, int limit) {
        return jdbc.sql("select account_id from memberships where community_id = ? and account_id > ? order by account_id limit ?")
                .params(communityId, afterAccountId, limit).query(Long.class).list();
    }

    List<Long> runners(long communityId) {
        return jdbc.sql("select account_id from memberships where community_id = ? and role in ('OWNER', 'ADMIN') order by account_id")
                .param(communityId).query(Long.class).list();
    }

    /** The strongest roles first, then by join date; at most {@code limit}. */
    List<MemberRow> members(long communityId, int limit) {
        return jdbc.sql("""
                select account_id, role, joined_via, invited_by, joined_at from memberships where community_id = ?
                order by case role when 'OWNER' then 0 when 'ADMIN' then 1 when 'CORE' then 2 else 3 end, joined_at, account_id
                limit ?""").params(communityId, limit)
                .query((rs, n) -> new MemberRow(rs.getLong(1), CommunityRole.valueOf(rs.getString(2)), JoinedVia.valueOf(rs.getString(3)),
                        (Long) rs.getObject(4, Long.class), rs.getObject(5, OffsetDateTime.class))).list();
    }

    List<MineRow> mine(long accountId) {
        return jdbc.sql("select community_id, role, joined_at from memberships where account_id = ? order by joined_at desc, community_id desc")
                .param(accountId)
                .query((rs, n) -> new MineRow(rs.getLong(1), CommunityRole.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class))).list();
    }

    boolean banned(long communityId, long accountId) {
        return jdbc.sql("select count(*) from bans where community_id = ? and account_id = ?")
                .params(communityId, accountId).query(Integer.class).single() > 0;
    }

    void ban(long communityId, long accountId, long bannedBy, String reason, OffsetDateTime now) {
        jdbc.sql("insert into bans (community_id, account_id, banned_by, reason, created_at) values (?, ?, ?, ?, ?)")
                .params(communityId, accountId, bannedBy, reason, now).update();
    }

    boolean unban(long communityId, long accountId) {
        return jdbc.sql("delete from bans where community_id = ? and account_id = ?").params(communityId, accountId)
                .update() > 0;
    }

    List<BanRow> bans(long communityId, int limit) {
        return jdbc.sql("select account_id, banned_by, reason, created_at from bans where community_id = ? order by created_at desc limit ?")
                .params(communityId, limit)
                .query((rs, n) -> new BanRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class))).list();
    }

    void audit(long communityId, Long actorId, Long subjectId, String action, String detail, OffsetDateTime now) {
        jdbc.sql("""
                insert into membership_audit (community_id, actor_id, subject_id, action, detail, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(communityId, actorId, subjectId, action, detail, now).update();
    }

    /** Newest first, keyset on the id. */
    List<AuditRow> auditTrail(long communityId, Long beforeId, int limit) {
        return jdbc.sql("select id, actor_id, subject_id, action, detail, created_at from membership_audit"
                        + " where community_id = :community and id < :before order by id desc limit :limit")
                .param("community", communityId).param("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .param("limit", limit)
                .query((rs, n) -> new AuditRow(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class))).list();
    }
}
