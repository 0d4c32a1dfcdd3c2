package org.shequn.membership;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who may vote and stand in a community's election at a moment: members who joined by {@code joinedBy}, not
 * banned, not muted at {@code at}. The voting module fixes its roll from this when voting opens.
 */
@Service
public class Electorate {

    private static final String ELIGIBLE = """
            from memberships m where m.community_id = :c and m.joined_at <= :joinedBy
            and not exists (select 1 from bans b where b.community_id = m.community_id and b.account_id = m.account_id)
            and not exists (select 1 from member_mutes u where u.community_id = m.community_id
                            and u.account_id = m.account_id and u.until_at > :at)""";

    private final JdbcClient jdbc;

    Electorate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The eligible accounts, by id. */
    public List<Long> eligible(long communityId, OffsetDateTime joinedBy, OffsetDateTime at) {
        return jdbc.sql("select m.account_id " + ELIGIBLE + " order by m.account_id")
                .param("c", communityId).param("joinedBy", joinedBy).param("at", at).query(Long.class).list();
    }

    public boolean eligible(long communityId, long accountId, OffsetDateTime joinedBy, OffsetDateTime at) {
        return jdbc.sql("select count(*) " + ELIGIBLE + " and m.account_id = :a")
                .param("c", communityId).param("joinedBy", joinedBy).param("at", at).param("a", accountId)
                .query(Integer.class).single() > 0;
    }
}
