package org.shequn;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-up integration tests share: a community created through the API by its owner, with people seated in
 * it in a role directly ({@link Members}; joining itself is the membership tests' subject), and the cast of one
 * account per role that role-matrix tests ask. The display names are the ones tests assert on.
 */
public record TestCommunity(Api api, JdbcClient jdbc, String slug, long id, Api.User owner) {

    /** One account in each role, and an outsider; {@link #everyone()} adds the anonymous visitor. */
    public record Cast(String slug, long id, Api.User owner, Api.User admin, Api.User core, Api.User member,
                       Api.User outsider) {

        public List<Api.User> everyone() {
            return Arrays.asList(owner, admin, core, member, outsider, null);
        }
    }

    /** {@code owner} creates a community with {@code settings} (which name its slug). */
    public static TestCommunity create(Api api, JdbcClient jdbc, Api.User owner, Map<String, Object> settings)
            throws Exception {
        api.post(owner, "/api/v1/communities", settings).andExpect(status().isCreated());
        var slug = (String) settings.get("slug");
        return new TestCommunity(api, jdbc, slug, idOf(jdbc, slug), owner);
    }

    /** A new owner, 群主, creates a community with {@link CommunityFixtures#settings(String)} under a new slug. */
    public static TestCommunity create(Api api, JdbcClient jdbc, String slugPrefix) throws Exception {
        return create(api, jdbc, api.register("群主"), CommunityFixtures.settings(Api.unique(slugPrefix)));
    }

    public static long idOf(JdbcClient jdbc, String slug) {
        return jdbc.sql("select id from communities where slug = ?").param(slug).query(Long.class).single();
    }

    /** A new account, seated in this community as {@code role} (ADMIN, CORE or MEMBER). */
    public Api.User seat(String displayName, String role) {
        var user = api.register(displayName);
        Members.add(jdbc, id, user.id(), role);
        return user;
    }

    /** An admin (管理员), a core member (核心成员), a member (普通成员) and an outsider (路人) besides the owner. */
    public Cast cast() {
        return new Cast(slug, id, owner, seat("管理员", "ADMIN"), seat("核心成员", "CORE"), seat("普通成员", "MEMBER"),
                api.register("路人"));
    }

    /** The community's API path, {@code /api/v1/communities/{slug}}. */
    public String base() {
        return "/api/v1/communities/" + slug;
    }
}
