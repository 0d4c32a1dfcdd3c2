package org.shequn.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.shared.Cursor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@RecordApplicationEvents
class SocialApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    SocialGraph graph;
    @Autowired
    ApplicationEvents events;

    Api api() {
        return new Api(mvc);
    }

    void follow(Api.User who, Api.User whom) throws Exception {
        api().put(who, "/api/v1/people/" + whom.id() + "/follow", null).andExpect(status().isNoContent());
    }

    void befriend(Api.User a, Api.User b) throws Exception {
        follow(a, b);
        follow(b, a);
    }

    List<Long> ids(JsonNode page) {
        var ids = new ArrayList<Long>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void mutualFollowsMakeFriendsAndUnfollowingEndsIt() throws Exception {
        var a = api().register("阿甲");
        var b = api().register("阿乙");

        follow(a, b);
        api().get(a, "/api/v1/people/" + b.id() + "/social").andExpect(status().isOk())
                .andExpect(jsonPath("$.followers").value(1))
                .andExpect(jsonPath("$.relation.following").value(true))
                .andExpect(jsonPath("$.relation.followedBy").value(false))
                .andExpect(jsonPath("$.relation.friends").value(false));
        assertThat(graph.follows(a.id(), b.id())).isTrue();
        assertThat(graph.follows(b.id(), a.id())).isFalse();

        follow(b, a);
        api().get(a, "/api/v1/people/" + b.id() + "/social")
                .andExpect(jsonPath("$.followers").value(1))
                .andExpect(jsonPath("$.following").value(1))
                .andExpect(jsonPath("$.friends").value(1))
                .andExpect(jsonPath("$.relation.friends").value(true));
        api().get(a, "/api/v1/me/friends").andExpect(jsonPath("$.items[0].id").value(b.id()))
                .andExpect(jsonPath("$.items[0].displayName").value("阿乙"));
        api().get(b, "/api/v1/me/followers").andExpect(jsonPath("$.items[0].id").value(a.id()));
        api().get(b, "/api/v1/me/following").andExpect(jsonPath("$.items[0].id").value(a.id()));

        api().delete(a, "/api/v1/people/" + b.id() + "/follow").andExpect(status().isNoContent());
        api().get(a, "/api/v1/people/" + b.id() + "/social")
                .andExpect(jsonPath("$.friends").value(0))
                .andExpect(jsonPath("$.relation.following").value(false))
                .andExpect(jsonPath("$.relation.followedBy").value(true));
        api().get(a, "/api/v1/me/friends").andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void announcesANewFollowOnceAndSaysWhenItMadeFriends() throws Exception {
        var a = api().register("announce-a");
        var b = api().register("announce-b");
        follow(a, b);
        follow(b, a);
        assertThat(events.stream(Followed.class).filter(e -> e.followeeId() == b.id() || e.followeeId() == a.id()))
                .containsExactly(new Followed(a.id(), b.id(), false), new Followed(b.id(), a.id(), true));
    }

    @Test
    void followingTwiceIsIdempotent() throws Exception {
        var a = api().register("twice-a");
        var b = api().register("twice-b");
        follow(a, b);
        follow(a, b);
        api().get(a, "/api/v1/people/" + b.id() + "/social").andExpect(jsonPath("$.followers").value(1));
        assertThat(events.stream(Followed.class).filter(e -> e.followeeId() == b.id())).hasSize(1);

        api().delete(a, "/api/v1/people/" + b.id() + "/follow").andExpect(status().isNoContent());
        api().delete(a, "/api/v1/people/" + b.id() + "/follow").andExpect(status().isNoContent());
        api().put(a, "/api/v1/people/" + b.id() + "/block", null).andExpect(status().isNoContent());
        api().put(a, "/api/v1/people/" + b.id() + "/block", null).andExpect(status().isNoContent());
        api().get(a, "/api/v1/me/blocks").andExpect(jsonPath("$.items.length()").value(1));
        api().delete(a, "/api/v1/people/" + b.id() + "/block").andExpect(status().isNoContent());
        api().delete(a, "/api/v1/people/" + b.id() + "/block").andExpect(status().isNoContent());
    }

    @Test
    void refusesFollowingOrBlockingYourself() throws Exception {
        var a = api().register("self");
        api().put(a, "/api/v1/people/" + a.id() + "/follow", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("不能关注自己。"));
        api().put(a, "/api/v1/people/" + a.id() + "/block", null).andExpect(status().isBadRequest());
        api().get(a, "/api/v1/people/" + a.id() + "/social").andExpect(status().isOk())
                .andExpect(jsonPath("$.relation").doesNotExist());
    }

    @Test
    void unknownPeopleAreNotFound() throws Exception {
        var a = api().register("seeker");
        long nobody = Long.MAX_VALUE;
        api().put(a, "/api/v1/people/" + nobody + "/follow", null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("找不到这个人。"));
        api().delete(a, "/api/v1/people/" + nobody + "/follow").andExpect(status().isNotFound());
        api().put(a, "/api/v1/people/" + nobody + "/block", null).andExpect(status().isNotFound());
        api().get(a, "/api/v1/people/" + nobody + "/social").andExpect(status().isNotFound());
        api().get(a, "/api/v1/people/" + nobody + "/mutual-friends").andExpect(status().isNotFound());
    }

    @Test
    void rejectsNonNumericIdsAndBadParametersWith400() throws Exception {
        var a = api().register("typo");
        api().put(a, "/api/v1/people/abc/follow", null).andExpect(status().isBadRequest());
        api().get(a, "/api/v1/people/1e9/social").andExpect(status().isBadRequest());
        api().get(a, "/api/v1/people/99999999999999999999/social").andExpect(status().isBadRequest());
        api().get(a, "/api/v1/people/" + a.id() + "/mutual-friends?limit=0").andExpect(status().isBadRequest());
        api().get(a, "/api/v1/people/" + a.id() + "/mutual-friends?limit=x").andExpect(status().isBadRequest());
    }

    @Test
    void anonymousCallersAreUnauthenticated() throws Exception {
        var b = api().register("public");
        // Without a bearer token a write needs a CSRF token first (else 403); with one, it still needs a signed-in caller.
        mvc.perform(put("/api/v1/people/" + b.id() + "/follow").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/people/" + b.id() + "/block").with(csrf())).andExpect(status().isUnauthorized());
        for (var list : List.of("friends", "followers", "following", "blocks")) {
            api().get(null, "/api/v1/me/" + list).andExpect(status().isUnauthorized());
        }
        api().get(null, "/api/v1/people/" + b.id() + "/mutual-friends").andExpect(status().isUnauthorized());
        // Counts are public; the relation needs a viewer.
        api().get(null, "/api/v1/people/" + b.id() + "/social").andExpect(status().isOk())
                .andExpect(jsonPath("$.followers").value(0))
                .andExpect(jsonPath("$.relation").doesNotExist());
    }

    @Test
    void mutualFriendsAreTheFriendsBothHave() throws Exception {
        var a = api().register("mf-a");
        var b = api().register("mf-b");
        var shared1 = api().register("mf-shared1");
        var shared2 = api().register("mf-shared2");
        var onlyA = api().register("mf-onlyA");
        var halfB = api().register("mf-halfB");
        var blocksA = api().register("mf-blocksA");
        befriend(a, b); // a and b themselves never appear
        befriend(a, shared1);
        befriend(b, shared1);
        befriend(a, shared2);
        befriend(b, shared2);
        befriend(a, onlyA);
        befriend(a, halfB);
        follow(b, halfB); // b only follows: not b's friend
        befriend(a, blocksA);
        befriend(b, blocksA);

        assertThat(graph.mutualFriends(a.id(), b.id(), 10)).containsExactlyInAnyOrder(
                shared1.id(), shared2.id(), blocksA.id());
        api().put(blocksA, "/api/v1/people/" + a.id() + "/block", null).andExpect(status().isNoContent());

        assertThat(graph.mutualFriends(a.id(), b.id(), 10)).containsExactly(shared1.id(), shared2.id());
        assertThat(graph.mutualFriends(b.id(), a.id(), 10)).containsExactly(shared1.id(), shared2.id());
        assertThat(graph.mutualFriends(a.id(), b.id(), 1)).containsExactly(shared1.id());
        assertThat(graph.mutualFriends(a.id(), onlyA.id(), 10)).isEmpty();
        var mutual = Api.body(api().get(a, "/api/v1/people/" + b.id() + "/mutual-friends").andExpect(status().isOk()));
        assertThat(ids(mutual)).containsExactly(shared1.id(), shared2.id());
        assertThat(mutual.get("items").get(0).get("displayName").asString()).isEqualTo("mf-shared1");
        api().get(a, "/api/v1/people/" + b.id() + "/mutual-friends?limit=1")
                .andExpect(jsonPath("$.items.length()").value(1));

        // People who blocked each other learn nothing about each other's circle.
        api().put(a, "/api/v1/people/" + b.id() + "/block", null).andExpect(status().isNoContent());
        assertThat(graph.mutualFriends(a.id(), b.id(), 10)).isEmpty();
        assertThat(graph.mutualFriends(b.id(), a.id(), 10)).isEmpty();
    }

    @Test
    void blockingRemovesFollowsBothWays() throws Exception {
        var a = api().register("blocker");
        var b = api().register("blocked");
        befriend(a, b);

        api().put(a, "/api/v1/people/" + b.id() + "/block", null).andExpect(status().isNoContent());
        assertThat(graph.follows(a.id(), b.id())).isFalse();
        assertThat(graph.follows(b.id(), a.id())).isFalse();
        api().get(a, "/api/v1/people/" + b.id() + "/social")
                .andExpect(jsonPath("$.followers").value(0))
                .andExpect(jsonPath("$.friends").value(0))
                .andExpect(jsonPath("$.relation.blocked").value(true));
        api().get(a, "/api/v1/me/friends").andExpect(jsonPath("$.items").isEmpty());
        api().get(b, "/api/v1/me/followers").andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void neitherSideCanFollowWhileBlocked() throws Exception {
        var a = api().register("nf-blocker");
        var b = api().register("nf-blocked");
        api().put(a, "/api/v1/people/" + b.id() + "/block", null).andExpect(status().isNoContent());

        api().put(b, "/api/v1/people/" + a.id() + "/follow", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("无法关注此人。"));
        mvc.perform(put("/api/v1/people/" + b.id() + "/follow").header("Authorization", a.bearer())
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("You have blocked this person; unblock them to follow."));
        // The blocked person is not told that they are blocked.
        api().get(b, "/api/v1/people/" + a.id() + "/social").andExpect(jsonPath("$.relation.blocked").value(false));

        api().delete(a, "/api/v1/people/" + b.id() + "/block").andExpect(status().isNoContent());
        follow(a, b);
        follow(b, a);
    }

    @Test
    void blockedEitherWayListsBothDirections() throws Exception {
        var a = api().register("bew-a");
        var blockedByA = api().register("bew-b");
        var blocksA = api().register("bew-c");
        var bystander = api().register("bew-d");
        api().put(a, "/api/v1/people/" + blockedByA.id() + "/block", null).andExpect(status().isNoContent());
        api().put(blocksA, "/api/v1/people/" + a.id() + "/block", null).andExpect(status().isNoContent());

        assertThat(graph.blockedEitherWay(a.id())).containsExactlyInAnyOrder(blockedByA.id(), blocksA.id());
        assertThat(graph.blockedEitherWay(blockedByA.id())).containsExactly(a.id());
        assertThat(graph.blockedEitherWay(a.id(), blocksA.id())).isTrue();
        assertThat(graph.blockedEitherWay(blockedByA.id(), a.id())).isTrue();
        assertThat(graph.blockedEitherWay(a.id(), bystander.id())).isFalse();
    }

    @Test
    void aBlockedListIsSeenOnlyByTheBlocker() throws Exception {
        var a = api().register("private-a");
        var b = api().register("private-b");
        api().put(a, "/api/v1/people/" + b.id() + "/block", null).andExpect(status().isNoContent());

        assertThat(ids(Api.body(api().get(a, "/api/v1/me/blocks")))).containsExactly(b.id());
        api().get(b, "/api/v1/me/blocks").andExpect(jsonPath("$.items").isEmpty());
        // There is no way to ask for someone else's list.
        api().get(b, "/api/v1/people/" + a.id() + "/blocks").andExpect(status().isNotFound());
    }

    @Test
    void paginatesFollowersStablyAndCompletely() throws Exception {
        var star = api().register("star");
        var fans = new ArrayList<Long>();
        for (int i = 0; i < 35; i++) {
            var fan = api().register("fan" + i);
            follow(fan, star);
            fans.add(fan.id());
        }

        var first = Api.body(api().get(star, "/api/v1/me/followers").andExpect(status().isOk()));
        assertThat(first.get("items")).hasSize(30);
        assertThat(first.get("next").asString()).isNotBlank();
        // Newest first.
        assertThat(ids(first).getFirst()).isEqualTo(fans.getLast());

        // Someone follows between the two requests: the second page neither repeats nor skips anyone.
        var late = api().register("late fan");
        follow(late, star);

        var second = Api.body(api().get(star, "/api/v1/me/followers?cursor=" + first.get("next").asString())
                .andExpect(status().isOk()));
        assertThat(second.get("items")).hasSize(5);
        assertThat(second.has("next")).isFalse();

        var seen = new ArrayList<Long>(ids(first));
        seen.addAll(ids(second));
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(fans);

        var again = Api.body(api().get(star, "/api/v1/me/followers"));
        assertThat(ids(again).getFirst()).isEqualTo(late.id());
    }

    @Test
    void paginatesFriendsAndFollowingCompletely() throws Exception {
        var me = api().register("hub");
        var friends = new ArrayList<Long>();
        for (int i = 0; i < 32; i++) {
            var friend = api().register("hub-friend" + i);
            // Alternate who follows first, so the friendship's start is sometimes my follow, sometimes theirs.
            if (i % 2 == 0) {
                befriend(me, friend);
            } else {
                befriend(friend, me);
            }
            friends.add(friend.id());
        }
        for (var list : List.of("friends", "following", "followers")) {
            var first = Api.body(api().get(me, "/api/v1/me/" + list));
            var second = Api.body(api().get(me, "/api/v1/me/" + list + "?cursor=" + first.get("next").asString()));
            assertThat(second.has("next")).as(list).isFalse();
            var seen = new ArrayList<Long>(ids(first));
            seen.addAll(ids(second));
            assertThat(seen).as(list).hasSize(32).containsExactlyInAnyOrderElementsOf(friends);
        }
    }

    @Test
    void rejectsAMalformedCursor() throws Exception {
        var a = api().register("cursor");
        api().get(a, "/api/v1/me/followers?cursor=not-a-cursor!!").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        api().get(a, "/api/v1/me/friends?cursor=" + new Cursor("yesterday", 1).encode()).andExpect(status().isBadRequest());
        api().get(a, "/api/v1/me/blocks?cursor=" + new Cursor("2020-01-01T00:00Z", 1).encode()).andExpect(status().isOk());
    }
}
