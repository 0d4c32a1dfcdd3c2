package org.shequn.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shequn.directory.view.DirectoryMember;
import org.shequn.community.CommunityRole;
import org.shequn.profile.ProfileCard;
import org.postgresql.PGStatement;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The directory's two tables: entries and their tags. */
@Repository
class DirectoryStore {

    private static final String COLUMNS = """
            e.account_id, e.display_name, e.avatar_url, e.role, e.joined_at, e.inviter_id, e.inviter_name, e.city,
            e.industry, e.company, e.position, e.schools, e.skills, e.real_name_verified, e.position_verified""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    DirectoryStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Writes (or rewrites) one member's entry and tags. */
    void put(long communityId, ProfileCard card, CommunityRole role, OffsetDateTime joinedAt, Long inviterId, String inviterName) {
        remove(communityId, card.accountId());
        jdbc.sql("""
                insert into directory_entries (community_id, account_id, display_name, avatar_url, role, joined_at,
                    inviter_id, inviter_name, city, industry, company, position, schools, skills, real_name_verified,
                    position_verified)
                values (:c, :a, :name, :avatar, :role, :joined, :inviter, :inviterName, :city, :industry, :company,
                    :position, :schools, :skills, :realName, :positionVerified)""")
                .param("c", communityId).param("a", card.accountId()).param("name", card.displayName())
                .param("avatar", card.avatarUrl()).param("role", role.name()).param("joined", joinedAt)
                .param("inviter", inviterId).param("inviterName", inviterName)
                .param("city", blankToNull(card.city())).param("industry", blankToNull(card.industry()))
                .param("company", blankToNull(card.company())).param("position", blankToNull(card.position()))
                .param("schools", joined(card.schools(), 500)).param("skills", joined(card.skills(), 1000))
                .param("realName", card.realNameVerified()).param("positionVerified", card.positionVerified())
                .update();
        insertTags(communityId, card.accountId(), tags(card, role.name()));
    }

    void remove(long communityId, long accountId) {
        jdbc.sql("delete from directory_tags where community_id = ? and account_id = ?").params(communityId, accountId).update();
        jdbc.sql("delete from directory_entries where community_id = ? and account_id = ?").params(communityId, accountId).update();
    }

    record Membership(long communityId, String role, OffsetDateTime joinedAt, Long inviterId, String inviterName) {
    }

    /** Every community the account appears in, with what the profile does not know. */
    List<Membership> membershipsOf(long accountId) {
        return jdbc.sql("""
                select community_id, role, joined_at, inviter_id, inviter_name from directory_entries where account_id = ?""")
                .param(accountId).query(Rows.of(Membership.class)).list();
    }

    Optional<Membership> membership(long communityId, long accountId) {
        return jdbc.sql("""
                select community_id, role, joined_at, inviter_id, inviter_name from directory_entries
                where community_id = ? and account_id = ?""")
                .params(communityId, accountId).query(Rows.of(Membership.class)).optional();
    }

    void renameInviter(long inviterId, String name) {
        jdbc.sql("update directory_entries set inviter_name = ? where inviter_id = ?").params(name, inviterId).update();
    }

    /**
     * One page, newest members first. Each tag filter is an indexed EXISTS on (community, account, tag); the
     * keyset on (joined_at, account_id) keeps pages stable while members join.
     *
     * <p>How selective a filter is decides the best plan (walk the newest members and probe their tags, or
     * start from a rare tag), so PostgreSQL must plan with the actual values every time: the statement is
     * never server-side prepared, which would switch it to one generic plan after five runs (measured: a
     * 2-tag page went from 0.6 ms to 15 ms). The page size is a literal for the same reason.
     */
    List<DirectoryMember> page(long communityId, List<String> tags, String nameQuery, Set<Long> hidden,
                               OffsetDateTime beforeJoined, long beforeId, int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from directory_entries e where e.community_id = ?");
        var args = new ArrayList<Object>();
        args.add(communityId);
        for (var tag : tags) {
            sql.append(" and exists (select 1 from directory_tags t where t.community_id = e.community_id")
                    .append(" and t.account_id = e.account_id and t.tag = ?)");
            args.add(tag);
        }
        if (nameQuery != null) {
            sql.append(" and lower(e.display_name) like ? escape '\\'");
            args.add(org.shequn.shared.text.LikePattern.containing(nameQuery));
        }
        if (!hidden.isEmpty()) {
            sql.append(" and e.account_id not in (").append(String.join(",", java.util.Collections.nCopies(hidden.size(), "?"))).append(")");
            args.addAll(hidden);
        }
        if (beforeJoined != null) {
            sql.append(" and (e.joined_at < ? or (e.joined_at = ? and e.account_id < ?))");
            args.add(beforeJoined);
            args.add(beforeJoined);
            args.add(beforeId);
        }
        sql.append(" order by e.joined_at desc, e.account_id desc limit ").append(Math.max(1, Math.min(limit, 1000)));
        return jdbcTemplate.query(connection -> {
            var statement = connection.prepareStatement(sql.toString());
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, DirectoryStore::member);
    }

    Optional<DirectoryMember> one(long communityId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from directory_entries e where e.community_id = ? and e.account_id = ?")
                .params(communityId, accountId).query(DirectoryStore::member).optional();
    }

    /** The most common values of each tag kind in a community, for the filter form. */
    Map<String, List<String>> facets(long communityId, int perKind) {
        var result = new LinkedHashMap<String, List<String>>();
        jdbc.sql("""
                select tag, count(*) as n from directory_tags where community_id = ? group by tag order by n desc, tag""")
                .param(communityId).query((rs, n) -> {
                    var tag = rs.getString(1);
                    int colon = tag.indexOf(':');
                    var list = result.computeIfAbsent(tag.substring(0, colon), k -> new ArrayList<>());
                    if (list.size() < perKind) {
                        list.add(tag.substring(colon + 1));
                    }
                    return null;
                }).list();
        return result;
    }

    private void insertTags(long communityId, long accountId, Collection<String> tags) {
        for (var tag : tags) {
            jdbc.sql("insert into directory_tags (community_id, tag, account_id) values (?, ?, ?)")
                    .params(communityId, tag, accountId).update();
        }
    }

    static Set<String> tags(ProfileCard card, String role) {
        var tags = new LinkedHashSet<String>();
        add(tags, DirectoryTag.CITY, card.city());
        add(tags, DirectoryTag.INDUSTRY, card.industry());
        add(tags, DirectoryTag.COMPANY, card.company());
        add(tags, DirectoryTag.POSITION, card.position());
        card.schools().forEach(s -> add(tags, DirectoryTag.SCHOOL, s));
        card.skills().forEach(s -> add(tags, DirectoryTag.SKILL, s));
        add(tags, DirectoryTag.ROLE, role);
        if (card.realNameVerified()) {
            add(tags, DirectoryTag.VERIFIED, "real_name");
        }
        if (card.positionVerified()) {
            add(tags, DirectoryTag.VERIFIED, "position");
        }
        return tags;
    }

    private static void add(Set<String> tags, DirectoryTag kind, String value) {
        if (value != null && !value.isBlank() && value.strip().length() <= DirectoryTag.MAX_VALUE) {
            tags.add(kind.tag(value));
        }
    }

    private static DirectoryMember member(ResultSet rs, int n) throws SQLException {
        return new DirectoryMember(rs.getLong("account_id"), rs.getString("display_name"), rs.getString("avatar_url"),
                rs.getString("role"), rs.getObject("joined_at", OffsetDateTime.class), rs.getObject("inviter_id", Long.class),
                rs.getString("inviter_name"), rs.getString("city"), rs.getString("industry"), rs.getString("company"),
                rs.getString("position"), split(rs.getString("schools")), split(rs.getString("skills")),
                rs.getBoolean("real_name_verified"), rs.getBoolean("position_verified"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private static String joined(List<String> values, int max) {
        var text = String.join("\n", values);
        while (text.length() > max && text.contains("\n")) {
            text = text.substring(0, text.lastIndexOf('\n'));
        }
        return text.isEmpty() ? null : (text.length() > max ? text.substring(0, max) : text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
