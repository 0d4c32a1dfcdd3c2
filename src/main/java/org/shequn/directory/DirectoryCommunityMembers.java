package org.shequn.directory;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class DirectoryCommunityMembers implements CommunityMembers {

    private final JdbcClient jdbc;

    DirectoryCommunityMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Member> of(long communityId) {
        return jdbc.sql("""
                select account_id, display_name, role, city, industry from directory_entries
                where community_id = ? order by joined_at, account_id""")
                .param(communityId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }
}
