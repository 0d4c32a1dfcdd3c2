package org.shequn.membership;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.community.CommunityRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The memberships table and the audit trail beside it. */
@Repository
class MembershipStore {

    private final JdbcClient jdbc;

    MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long communityId, long accountId, CommunityRole role, String via, Long invitedBy, Long invitationId,
                OffsetDateTime now) {
        jdbc.sql("""
                insert into memberships (community_id, account_id, role, joined_via, invited_by, invitation_id, joined_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, accountId, role.name(), via, invitedBy, invitationId, now).update();
    }

    Optional<CommunityRole> role(long communityId, long accountId) {
        return jdbc.sql("select role from memberships where community_id = ? and account_id = ?")
                .params(communityId, accountId).query(String.class).optional().map(CommunityRole::valueOf);
    }

    void setRole(long communityId, long accountId, CommunityRole role) {
        jdbc.sql("update memberships set role = ? where community_id = ? and account_id = ?")
                .params(role.name(), communityId, accountId).update();
    }

    int count(long communityId) {
        return jdbc.sql("select count(*) from memberships where community_id = ?").param(communityId)
                .query(Integer.class).single();
    }

    Map<Long, Integer> counts(Collection<Long> communityIds) {
        var result = new HashMap<Long, Integer>();
        if (communityIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select community_id, count(*) from memberships where community_id in (:ids) group by community_id")
                .param("ids", List.copyOf(communityIds))
                .query((rs, n) -> result.put(rs.getLong(1), rs.getInt(2))).list();
        return result;
    }

    void audit(long communityId, Long actorId, Long subjectId, String action, String detail, OffsetDateTime now) {
        jdbc.sql("""
                insert into membership_audit (community_id, actor_id, subject_id, action, detail, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(communityId, actorId, subjectId, action, detail, now).update();
    }
}
