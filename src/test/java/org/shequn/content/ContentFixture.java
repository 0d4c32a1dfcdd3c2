package org.shequn.content;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.Members;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A community with one account per role, for content tests. */
record ContentFixture(Api api, String slug, long communityId, Api.User owner, Api.User admin, Api.User core,
                      Api.User member, Api.User outsider) {

    static ContentFixture create(Api api, JdbcClient jdbc) throws Exception {
        var owner = api.register("群主");
        var slug = Api.unique("content-");
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug)).andExpect(status().isCreated());
        long id = jdbc.sql("select id from communities where slug = ?").param(slug).query(Long.class).single();
        var admin = api.register("管理员");
        var core = api.register("核心成员");
        var member = api.register("普通成员");
        Members.add(jdbc, id, admin.id(), "ADMIN");
        Members.add(jdbc, id, core.id(), "CORE");
        Members.add(jdbc, id, member.id(), "MEMBER");
        return new ContentFixture(api, slug, id, owner, admin, core, member, api.register("路人"));
    }

    String base() {
        return "/api/v1/communities/" + slug;
    }

    long post(Api.User author, Object body) throws Exception {
        return Api.body(api.post(author, base() + "/posts", body).andExpect(status().isCreated())).get("id").asLong();
    }

    long discussion(Api.User author, String text) throws Exception {
        return post(author, Api.obj("kind", "DISCUSSION", "body", text));
    }

    long section(String name, String posting) throws Exception {
        return Api.body(api.post(owner, base() + "/sections", Api.obj("name", name, "description", "说明", "icon", "chat",
                "posting", posting)).andExpect(status().isCreated())).get("id").asLong();
    }
}
