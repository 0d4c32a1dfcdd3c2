package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queries behind {@link MemberAgenda}: a handful of rows for one member, read straight from content's tables. */
@Repository
class AgendaQueries implements MemberAgenda {

    private final JdbcClient jdbc;

    AgendaQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AwaitedQuestion> questionsAwaiting(long accountId, Collection<Long> communityIds, int limit) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.id, p.community_id, p.author_id, p.title, p.created_at
                          from questions q join posts p on p.id = q.post_id
                         where q.addressee_id = :me and q.accepted_comment_id is null and q.community_id in (:ids)
                           and p.deleted_at is null and p.hidden_at is null
                           and not exists (select 1 from comments c where c.post_id = p.id and c.author_id = :me
                                               and c.deleted_at is null)
                         order by p.created_at desc, p.id desc limit :limit""")
                .param("me", accountId).param("ids", communityIds).param("limit", limit)
                .query((rs, n) -> new AwaitedQuestion(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    @Override
    public Started started(long communityId) {
        boolean section = jdbc.sql("select count(*) from (select 1 from content_sections where community_id = ? limit 1) s")
                .param(communityId).query(Integer.class).single() > 0;
        boolean post = jdbc.sql("select count(*) from (select 1 from posts where community_id = ? and deleted_at is null limit 1) p")
                .param(communityId).query(Integer.class).single() > 0;
        return new Started(section, post);
    }

    @Override
    public Map<Long, Integer> newPosts(long accountId, Collection<Long> communityIds, int cap) {
        var counts = new HashMap<Long, Integer>();
        for (long community : communityIds) {
            // one small statement per community, each stopping at the cap: a member has a few communities
            int n = jdbc.sql("""
                            select count(*) from (select 1 from posts p
                             where p.community_id = :c and p.deleted_at is null and p.hidden_at is null
                               and p.author_id <> :me
                               and p.created_at > coalesce((select v.visited_at from feed_visits v
                                                              where v.community_id = :c and v.account_id = :me),
                                                           cast('1970-01-01 00:00:00+00' as timestamp with time zone))
                             limit :cap) n""")
                    .param("c", community).param("me", accountId).param("cap", cap).query(Integer.class).single();
            if (n > 0) {
                counts.put(community, n);
            }
        }
        return counts;
    }
}
