package org.shequn.content;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.shequn.Api;
import org.shequn.TestCommunity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A community with one account per role ({@link TestCommunity#cast()}), and the content tests' ways to write in it. */
public record ContentFixture(Api api, String slug, long communityId, Api.User owner, Api.User admin, Api.User core,
                      Api.User member, Api.User outsider) {

    public static ContentFixture create(Api api, JdbcClient jdbc) throws Exception {
        var cast = TestCommunity.create(api, jdbc, "content-").cast();
        return new ContentFixture(api, cast.slug(), cast.id(), cast.owner(), cast.admin(), cast.core(), cast.member(),
                cast.outsider());
    }

    public String base() {
        return "/api/v1/communities/" + slug;
    }

    public long post(Api.User author, Object body) throws Exception {
        return Api.body(api.post(author, base() + "/posts", body).andExpect(status().isCreated())).get("id").asLong();
    }

    public long discussion(Api.User author, String text) throws Exception {
        return post(author, Api.obj("kind", "DISCUSSION", "body", text));
    }

    public long section(String name, String posting) throws Exception {
        return Api.body(api.post(owner, base() + "/sections", Api.obj("name", name, "description", "说明", "icon", "chat",
                "posting", posting)).andExpect(status().isCreated())).get("id").asLong();
    }
}
