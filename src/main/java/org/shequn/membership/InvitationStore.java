package org.shequn.membership;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Invitation codes: who made them, until when and how often they work, and how often they were used. */
@Repository
class InvitationStore {

    record InvitationRow(long id, long communityId, String code, long createdBy, OffsetDateTime createdAt,
                         OffsetDateTime expiresAt, Integer maxUses, int uses, OffsetDateTime revokedAt) {
    }

    private static final String COLUMNS = "id, community_id, code, created_by, created_at, expires_at, max_uses, uses, revoked_at";

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyMade(long communityId) {
        return jdbc.sql("select count(*) from (select 1 from invitations where community_id = ? limit 1) i")
                .param(communityId).query(Integer.class).single() > 0;
    }

    long insert(long communityId, String code, long createdBy, OffsetDateTime expiresAt, Integer maxUses,
                OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into invitations (community_id, code, created_by, created_at, expires_at, max_uses, uses) values (?, ?, ?, ?, ?, ?, 0)")
                .params(communityId, code, createdBy, now, expiresAt, maxUses).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<InvitationRow> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from invitations where id = ?").param(id).query(this::row).optional();
    }

    Optional<InvitationRow> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from invitations where code = ?").param(code).query(this::row).optional();
    }

    /** Newest first; only those made by {@code createdBy} when it is not null. */
    List<InvitationRow> list(long communityId, Long createdBy, int limit) {
        if (createdBy == null) {
            return jdbc.sql("select " + COLUMNS + " from invitations where community_id = ? order by id desc limit ?")
                    .params(communityId, limit).query(this::row).list();
        }
        return jdbc.sql("select " + COLUMNS + " from invitations where community_id = ? and created_by = ? order by id desc limit ?")
                .params(communityId, createdBy, limit).query(this::row).list();
    }

    void use(long id) {
        jdbc.sql("update invitations set uses = uses + 1 where id = ?").param(id).update();
    }

    void revoke(long id, OffsetDateTime now) {
        jdbc.sql("update invitations set revoked_at = ? where id = ? and revoked_at is null").params(now, id).update();
    }

    private InvitationRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new InvitationRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                (Integer) rs.getObject(7, Integer.class), rs.getInt(8), rs.getObject(9, OffsetDateTime.class));
    }
}
