package org.shequn.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.shequn.community.Communities;
import org.shequn.content.view.FollowingPage;
import org.shequn.membership.Memberships;
import org.shequn.shared.Cursor;
import org.shequn.shared.Viewer;
import org.shequn.shared.jdbc.Rows;
import org.shequn.social.SocialGraph;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The following feed (关注): posts by the people I follow, only in communities I am a member of now, never
 * hidden or deleted ones, never by someone I blocked or who blocked me. Newest first with a keyset on
 * (created_at, id); the query walks posts_author_ix once per followed author, so its cost follows how many
 * people I follow (capped at {@link #MAX_FOLLOWEES}, the most recently followed), not the communities' size.
 */
@Service
public class FollowingFeed {

    static final int MAX_FOLLOWEES = 500;

    private final SocialGraph social;
    private final Memberships memberships;
    private final Communities communities;
    private final JdbcClient jdbc;
    private final ContentReader reader;

    FollowingFeed(SocialGraph social, Memberships memberships, Communities communities, JdbcClient jdbc,
                  ContentReader reader) {
        this.social = social;
        this.memberships = memberships;
        this.communities = communities;
        this.jdbc = jdbc;
        this.reader = reader;
    }

    public FollowingPage page(Viewer viewer, String cursorToken) {
        Viewer.require(viewer);
        var cursor = Cursor.decode(cursorToken);
        long me = viewer.accountId();
        var authors = new ArrayList<>(social.followees(me, MAX_FOLLOWEES));
        authors.removeAll(social.blockedEitherWay(me));
        var mine = memberships.communitiesOf(me);
        if (authors.isEmpty() || mine.isEmpty()) {
            return new FollowingPage(List.of(), null, !authors.isEmpty());
        }
        var sql = "select " + PostStore.COLUMNS + """
                 from posts where author_id in (:authors) and community_id in (:communities)
                and deleted_at is null and hidden_at is null and subgroup_id is null""";
        if (cursor != null) {
            sql += " and created_at <= :at and (created_at < :at or id < :id)";
        }
        var spec = jdbc.sql(sql + " order by created_at desc, id desc limit " + (ContentReader.PAGE_SIZE + 1))
                .param("authors", authors).param("communities", mine);
        if (cursor != null) {
            spec = spec.param("at", cursor.time()).param("id", cursor.id());
        }
        var rows = spec.query(Rows.of(PostRow.class)).list();
        String next = null;
        if (rows.size() > ContentReader.PAGE_SIZE) {
            rows = rows.subList(0, ContentReader.PAGE_SIZE);
            next = Cursor.at(rows.getLast().createdAt(), rows.getLast().id()).encode();
        }
        var extras = reader.extras(rows, me);
        var names = reader.names(extras.nameIds(rows));
        var places = communities.findAll(new HashSet<>(rows.stream().map(PostRow::communityId).toList()));
        var items = new ArrayList<FollowingPage.Item>();
        for (var p : rows) {
            var community = places.get(p.communityId());
            if (community == null) {
                continue;
            }
            // across communities: no section names and no "new since my visit" marks, which are per community
            items.add(new FollowingPage.Item(community.slug(), community.name(),
                    reader.card(p, me, community.slug(), null, names, Map.of(), extras)));
        }
        return new FollowingPage(items, next, true);
    }
}
