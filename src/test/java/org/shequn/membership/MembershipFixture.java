package org.shequn.membership;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.shequn.Api;
import org.shequn.Members;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Communities with people in every role, created through the API, for the membership tests. */
final class MembershipFixture {

    record Cast(String slug, long id, Api.User owner, Api.User admin, Api.User core, Api.User member,
                Api.User outsider) {

        List<Api.User> everyone() {
            return java.util.Arrays.asList(owner, admin, core, member, outsider, null);
        }
    }

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
        api.post(owner, "/api/v1/communities", settings).andExpect(status().isCreated());
        return (String) settings.get("slug");
    }

    String community(Api.User owner, String policy, int cap, String... questions) throws Exception {
        return community(owner, settings(Api.unique("m-"), policy, cap, List.of(questions)));
    }

    long idOf(String slug) {
        return jdbc.sql("select id from communities where slug = ?").param(slug).query(Long.class).single();
    }

    Cast cast(String policy, String... questions) throws Exception {
        return cast(settings(Api.unique("cast-"), policy, 40, List.of(questions)));
    }

    Cast cast(Map<String, Object> settings) throws Exception {
        var owner = api.register("群主");
        var slug = community(owner, settings);
        long id = idOf(slug);
        var admin = api.register("管理员");
        var core = api.register("骨干");
        var member = api.register("成员");
        Members.add(jdbc, id, admin.id(), "ADMIN");
        Members.add(jdbc, id, core.id(), "CORE");
        Members.add(jdbc, id, member.id(), "MEMBER");
        return new Cast(slug, id, owner, admin, core, member, api.register("路人"));
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
