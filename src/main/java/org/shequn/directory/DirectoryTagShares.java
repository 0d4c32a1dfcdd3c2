package org.shequn.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link TagShares} as two grouped counts over directory_tags (its primary key leads with community and tag). */
@Service
class DirectoryTagShares implements TagShares {

    private final JdbcClient jdbc;

    DirectoryTagShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CommunityTags> communitiesWith(Collection<String> tags, int atLeast) {
        if (tags.isEmpty()) {
            return List.of();
        }
        var counts = new LinkedHashMap<Long, Map<String, Long>>();
        jdbc.sql("""
                select community_id, tag, count(*) from directory_tags where tag in (:tags)
                group by community_id, tag having count(*) >= :k order by community_id""")
                .param("tags", List.copyOf(tags)).param("k", atLeast)
                .query((rs, n) -> counts.computeIfAbsent(rs.getLong(1), c -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list();
        if (counts.isEmpty()) {
            return List.of();
        }
        var members = members(counts.keySet());
        return counts.entrySet().stream()
                .map(e -> new CommunityTags(e.getKey(), members.getOrDefault(e.getKey(), 0L), e.getValue())).toList();
    }

    @Override
    public CommunityTags of(long communityId, int atLeast) {
        var counts = new HashMap<String, Long>();
        jdbc.sql("select tag, count(*) from directory_tags where community_id = ? group by tag having count(*) >= ?")
                .params(communityId, atLeast).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return new CommunityTags(communityId, members(List.of(communityId)).getOrDefault(communityId, 0L), counts);
    }

    private Map<Long, Long> members(Collection<Long> communityIds) {
        var members = new HashMap<Long, Long>();
        jdbc.sql("select community_id, count(*) from directory_entries where community_id in (:ids) group by community_id")
                .param("ids", List.copyOf(communityIds)).query((rs, n) -> members.put(rs.getLong(1), rs.getLong(2))).list();
        return members;
    }
}
