package org.shequn.membership;

import java.util.List;
import java.util.Map;
import org.shequn.Api;
import org.shequn.TestCommunity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The membership tests' community settings and read-backs; communities and casts come from {@link TestCommunity}. */
final class MembershipFixture {

    private final Api api;
    private final JdbcClient jdbc;

    MembershipFixture(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    static Map<String, Object> settings(String slug, String policy, int cap, List<String> questions) {
        return Api.obj("name", "测试社群", "slug", slug, "description", "一起读书。", "themes", List.of("读书"),
                "rules", "1. 友善交流", "visibility", "PUBLIC", "memberCap", cap, "entryPolicy", policy,
                "requiresRealName", false, "requiresPosition", false, "membersMayInvite", false,
                "questions", questions);
    }

    String community(Api.User owner, Map<String, Object> settings) throws Exception {
        return TestCommunity.create(api, jdbc, owner, settings).slug();
    }

    String community(Api.User owner, String policy, int cap, String... questions) throws Exception {
        return community(owner, settings(Api.unique("m-"), policy, cap, List.of(questions)));
    }

    long idOf(String slug) {
        return TestCommunity.idOf(jdbc, slug);
    }

    TestCommunity.Cast cast(String policy, String... questions) throws Exception {
        return cast(settings(Api.unique("cast-"), policy, 40, List.of(questions)));
    }

    TestCommunity.Cast cast(Map<String, Object> settings) throws Exception {
        return TestCommunity.create(api, jdbc, api.register("群主"), settings).cast();
    }

    int members(String slug) {
        return jdbc.sql("select count(*) from memberships m join communities c on c.id = m.community_id where c.slug = ?")
                .param(slug).query(Integer.class).single();
    }

    String role(String slug, long accountId) {
        return jdbc.sql("select role from memberships m join communities c on c.id = m.community_id where c.slug = ? and m.account_id = ?")
                .params(slug, accountId).query(String.class).optional().orElse(null);
    }

    int audits(String slug, String action) {
        return jdbc.sql("select count(*) from membership_audit a join communities c on c.id = a.community_id where c.slug = ? and a.action = ?")
                .params(slug, action).query(Integer.class).single();
    }

    int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
