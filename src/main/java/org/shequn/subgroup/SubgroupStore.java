package org.shequn.subgroup;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubgroupStore {

    record Row(long id, long communityId, String name, String basis, Integer cap, Long leaderId, int members) {
    }

    record Seat(long accountId, OffsetDateTime joinedAt) {
    }

    private static final String ROW = """
            select g.id, g.community_id, g.name, g.basis, g.cap, g.leader_id,
                   (select count(*) from subgroup_members m where m.subgroup_id = g.id)
            from subgroups g""";

    private final JdbcClient jdbc;

    SubgroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, String name, String basis, Integer cap, long by, OffsetDateTime now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into subgroups (community_id, name, basis, cap, created_by, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(communityId, name, basis, cap, by, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int update(long id, String name, String basis, Integer cap) {
        return jdbc.sql("update subgroups set name = ?, basis = ?, cap = ? where id = ?").params(name, basis, cap, id).update();
    }

    void setLeader(long id, Long leaderId) {
        jdbc.sql("update subgroups set leader_id = ? where id = ?").params(leaderId, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from subgroup_members where subgroup_id = ?").param(id).update();
        jdbc.sql("delete from subgroups where id = ?").param(id).update();
    }

    void deleteAll(long communityId) {
        jdbc.sql("delete from subgroup_members where community_id = ?").param(communityId).update();
        jdbc.sql("delete from subgroups where community_id = ?").param(communityId).update();
    }

    Optional<Row> byId(long communityId, long id) {
        return jdbc.sql(ROW + " where g.community_id = ? and g.id = ?").params(communityId, id).query(SubgroupStore::row).optional();
    }

    List<Row> all(long communityId) {
        return jdbc.sql(ROW + " where g.community_id = ? order by g.name, g.id").param(communityId).query(SubgroupStore::row).list();
    }

    List<Seat> members(long subgroupId) {
        return jdbc.sql("select account_id, joined_at from subgroup_members where subgroup_id = ? order by joined_at, account_id")
                .param(subgroupId).query((rs, n) -> new Seat(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list();
    }

    /** The community's members who are in a group other than {@code subgroupId}. */
    java.util.Set<Long> groupedOutside(long communityId, long subgroupId) {
        return new java.util.HashSet<>(jdbc.sql("select account_id from subgroup_members where community_id = ? and subgroup_id <> ?")
                .params(communityId, subgroupId).query(Long.class).list());
    }

    Optional<Long> groupOf(long communityId, long accountId) {
        return jdbc.sql("select subgroup_id from subgroup_members where community_id = ? and account_id = ?")
                .params(communityId, accountId).query(Long.class).optional();
    }

    /** Puts the member in the group, out of any other of the community's. */
    void place(long communityId, long accountId, long subgroupId, OffsetDateTime now) {
        if (jdbc.sql("update subgroup_members set subgroup_id = ?, joined_at = ? where community_id = ? and account_id = ?")
                .params(subgroupId, now, communityId, accountId).update() == 0) {
            jdbc.sql("insert into subgroup_members (community_id, account_id, subgroup_id, joined_at) values (?, ?, ?, ?)")
                    .params(communityId, accountId, subgroupId, now).update();
        }
    }

    int remove(long communityId, long accountId) {
        return jdbc.sql("delete from subgroup_members where community_id = ? and account_id = ?")
                .params(communityId, accountId).update();
    }

    List<Row> ledBy(long communityId, long accountId) {
        return jdbc.sql(ROW + " where g.community_id = ? and g.leader_id = ?").params(communityId, accountId)
                .query(SubgroupStore::row).list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getObject(5, Integer.class),
                rs.getObject(6, Long.class), rs.getInt(7));
    }
}
