package org.shequn.subgroup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.shequn.membership.SubgroupCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Membership's {@link SubgroupCatalog}: a community's sub-groups' names, by name. */
@Component
class SubgroupNames implements SubgroupCatalog {

    private final JdbcClient jdbc;

    SubgroupNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> names(long communityId) {
        var names = new LinkedHashMap<Long, String>();
        jdbc.sql("select id, name from subgroups where community_id = ? order by name, id").param(communityId)
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    @Override
    public java.util.Set<Long> members(long communityId, long subgroupId) {
        return new java.util.HashSet<>(jdbc.sql("select account_id from subgroup_members where community_id = ? and subgroup_id = ?")
                .params(communityId, subgroupId).query(Long.class).list());
    }
}
