package org.shequn.social;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class SocialPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(mvc);
    }

    /** A signed-in browser and its account id. */
    record Browser(WebSession session, long id) {
    }

    Browser signedIn(String displayName) throws Exception {
        var session = new WebSession(mvc);
        var email = session.register(displayName);
        var id = jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
        return new Browser(session, id);
    }

    ResultActions htmxPost(WebSession session, String path) throws Exception {
        return session.perform(post(path).with(csrf()).header("HX-Request", "true").header("HX-Target", "social"));
    }

    static org.springframework.test.web.servlet.ResultMatcher contains(String text) {
        return content().string(Matchers.containsString(text));
    }

    static org.springframework.test.web.servlet.ResultMatcher lacks(String text) {
        return content().string(Matchers.not(Matchers.containsString(text)));
    }

    @Test
    void anonymousViewersSeeCountsAndASignInLink() throws Exception {
        var person = api().register("看客");
        mvc.perform(get("/people/" + person.id() + "/social")).andExpect(status().isOk())
                .andExpect(contains("关注者"))
                .andExpect(contains("/login?next=/people/" + person.id()))
                .andExpect(lacks("<html"))
                .andExpect(lacks("hx-post"));
    }

    @Test
    void followsAndUnfollowsInPlaceWithHtmx() throws Exception {
        var me = signedIn("我");
        var other = api().register("别人");

        me.session().get("/people/" + other.id() + "/social").andExpect(status().isOk())
                .andExpect(contains("hx-post=\"/people/" + other.id() + "/follow\""))
                .andExpect(contains("hx-target=\"#social\""));

        htmxPost(me.session(), "/people/" + other.id() + "/follow").andExpect(status().isOk())
                .andExpect(lacks("<html"))
                .andExpect(contains("已关注"))
                .andExpect(contains("/people/" + other.id() + "/unfollow"));

        api().put(other, "/api/v1/people/" + me.id() + "/follow", null).andExpect(status().isNoContent());
        me.session().get("/people/" + other.id() + "/social").andExpect(contains("互相关注"));

        htmxPost(me.session(), "/people/" + other.id() + "/unfollow").andExpect(status().isOk())
                .andExpect(contains("回关"))
                .andExpect(contains("关注了你"));
    }

    @Test
    void plainFormPostsWorkWithoutJavaScript() throws Exception {
        var me = signedIn("no-js");
        var other = api().register("no-js-other");
        me.session().form("/people/" + other.id() + "/follow").andExpect(redirectedUrl("/people/" + other.id()));
        api().get(other, "/api/v1/me/followers").andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.items[0].id").value(me.id()));
        me.session().form("/people/" + other.id() + "/block").andExpect(redirectedUrl("/people/" + other.id()));
        me.session().form("/people/" + other.id() + "/unblock", "next", "/me/blocked").andExpect(redirectedUrl("/me/blocked"));
        // Only our own list pages are return targets.
        me.session().form("/people/" + other.id() + "/block", "next", "https://evil.example/")
                .andExpect(redirectedUrl("/people/" + other.id()));
    }

    @Test
    void showsWhyAFollowWasRefused() throws Exception {
        var me = signedIn("refused");
        var other = api().register("refuser");
        api().put(other, "/api/v1/people/" + me.id() + "/block", null).andExpect(status().isNoContent());

        // htmx does not swap error responses, so the refusal comes inside the refreshed box.
        htmxPost(me.session(), "/people/" + other.id() + "/follow").andExpect(status().isOk())
                .andExpect(contains("无法关注此人"));
        me.session().form("/people/" + other.id() + "/follow").andExpect(status().isForbidden())
                .andExpect(contains("无法关注此人"));
        htmxPost(me.session(), "/people/" + me.id() + "/follow").andExpect(contains("不能关注自己"));
    }

    @Test
    void blockingInPlaceOffersUnblock() throws Exception {
        var me = signedIn("屏蔽者");
        var other = api().register("被屏蔽");
        api().put(other, "/api/v1/people/" + me.id() + "/follow", null).andExpect(status().isNoContent());

        htmxPost(me.session(), "/people/" + other.id() + "/block").andExpect(status().isOk())
                .andExpect(contains("你已屏蔽此人"))
                .andExpect(contains("/people/" + other.id() + "/unblock"))
                .andExpect(lacks("/people/" + other.id() + "/follow\""));
        me.session().get("/me/blocked").andExpect(status().isOk()).andExpect(contains("被屏蔽"));
        me.session().get("/me/followers").andExpect(lacks("被屏蔽"));

        htmxPost(me.session(), "/people/" + other.id() + "/unblock").andExpect(contains("/people/" + other.id() + "/follow\""));
    }

    @Test
    void aBlockedListPageShowsOnlyTheViewersBlocks() throws Exception {
        var a = signedIn("list-owner");
        var b = signedIn("list-peeker");
        var target = api().register("list-target-秘密");
        a.session().form("/people/" + target.id() + "/block");
        a.session().get("/me/blocked").andExpect(contains("list-target-秘密"));
        b.session().get("/me/blocked").andExpect(status().isOk()).andExpect(lacks("list-target-秘密"))
                .andExpect(contains("你没有屏蔽任何人"));
    }

    @Test
    void viewingYourselfLinksToYourLists() throws Exception {
        var me = signedIn("自己");
        me.session().get("/people/" + me.id() + "/social").andExpect(status().isOk())
                .andExpect(contains("href=\"/me/followers\""))
                .andExpect(contains("href=\"/me/friends\""))
                .andExpect(lacks("hx-post"));
    }

    @Test
    void showsMutualFriendsWithEscapedNames() throws Exception {
        var me = signedIn("viewer");
        var other = api().register("other");
        var sneaky = api().register("<img src=x onerror=alert(1)>");
        api().put(sneaky, "/api/v1/people/" + me.id() + "/follow", null);
        api().put(sneaky, "/api/v1/people/" + other.id() + "/follow", null);
        api().put(other, "/api/v1/people/" + sneaky.id() + "/follow", null);
        me.session().form("/people/" + sneaky.id() + "/follow");

        me.session().get("/people/" + other.id() + "/social").andExpect(status().isOk())
                .andExpect(contains("共同好友"))
                .andExpect(contains("href=\"/people/" + sneaky.id() + "\""))
                .andExpect(contains("&lt;img src=x onerror=alert(1)&gt;"))
                .andExpect(lacks("<img src=x"));
        me.session().get("/me/friends").andExpect(contains("&lt;img src=x onerror=alert(1)&gt;")).andExpect(lacks("<img src=x"));
    }

    @Test
    void listPagesPaginateThirtyAtATime() throws Exception {
        var me = signedIn("popular");
        for (int i = 0; i < 31; i++) {
            api().put(api().register("page-fan-" + i), "/api/v1/people/" + me.id() + "/follow", null);
        }
        var first = me.session().get("/me/followers").andExpect(status().isOk())
                .andExpect(contains("page-fan-30")).andExpect(lacks("page-fan-0<"))
                .andReturn().getResponse().getContentAsString();
        var next = first.replaceAll("(?s).*href=\"/me/followers\\?cursor=([A-Za-z0-9_-]+)\".*", "$1");
        me.session().get("/me/followers?cursor=" + next).andExpect(status().isOk())
                .andExpect(contains("page-fan-0<")).andExpect(lacks("page-fan-1<")).andExpect(lacks("?cursor="));
    }

    @Test
    void listPagesAskAnonymousVisitorsToSignIn() throws Exception {
        for (var list : new String[] {"friends", "followers", "following", "blocked"}) {
            mvc.perform(get("/me/" + list)).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/login?next=%2Fme%2F" + list));
        }
        var person = api().register("anon-target");
        mvc.perform(post("/people/" + person.id() + "/follow").with(csrf()))
                .andExpect(redirectedUrl("/login?next=%2Fpeople%2F" + person.id()));
    }

    @Test
    void badInputIsA400NotA500() throws Exception {
        var me = signedIn("bad-input");
        mvc.perform(get("/people/abc/social")).andExpect(status().isBadRequest());
        me.session().form("/people/abc/follow").andExpect(status().isBadRequest());
        me.session().get("/me/followers?cursor=%25%25%25").andExpect(status().isBadRequest());
        mvc.perform(get("/people/" + Long.MAX_VALUE + "/social")).andExpect(status().isNotFound());
    }

    @Test
    void speaksEnglishWhenAsked() throws Exception {
        var session = new WebSession(mvc).english();
        session.register("english");
        var other = api().register("english-other");
        session.get("/people/" + other.id() + "/social").andExpect(contains(">Follow<")).andExpect(contains("Followers"));
        session.get("/me/friends").andExpect(contains("My friends")).andExpect(contains("No friends yet"));
    }
}
