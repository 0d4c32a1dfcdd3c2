package org.shequn.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shequn.demo=true")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class DemoDataTests {

    @LocalServerPort
    int port;
    @Autowired
    DemoSeeder seeder;

    @Test
    void seedsLivingCommunitiesWithVariedMembersOnce() {
        await().atMost(Duration.ofSeconds(90)).until(seeder::finished);
        var http = RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/api/v1").build();
        var token = http.post().uri("/auth/tokens").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("email", "demo1" + DemoPeople.DOMAIN, "password", DemoPeople.PASSWORD, "name", "t"))
                .retrieve().body(JsonNode.class).get("token").asString();

        for (var slug : new String[] {"pm-reading-sz", "hz-morning-run", "indie-makers"}) {
            var community = http.get().uri("/communities/" + slug).retrieve().body(JsonNode.class);
            assertThat(community.get("memberCount").asInt()).as(slug).isGreaterThanOrEqualTo(8);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var directory = http.get().uri("/communities/pm-reading-sz/members?limit=50")
                    .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
            var cities = new HashSet<String>();
            var companies = new HashSet<String>();
            directory.get("items").forEach(m -> {
                cities.add(m.get("city").asString());
                companies.add(m.get("company").asString());
            });
            assertThat(directory.get("items").size()).isEqualTo(14);
            assertThat(cities).hasSizeGreaterThanOrEqualTo(5);
            assertThat(companies).hasSizeGreaterThanOrEqualTo(8);
        });
        var pending = http.get().uri("/communities/pm-reading-sz/applications?status=PENDING")
                .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
        assertThat(pending.get("items").size()).isEqualTo(2);

        for (var slug : new String[] {"pm-reading-sz", "hz-morning-run"}) {
            var feed = get(http, token(http, slug), "/communities/" + slug + "/posts");
            assertThat(feed.get("items").size() + feed.get("pinned").size()).as(slug).isGreaterThanOrEqualTo(8);
            assertThat(feed.get("pinned").size()).as(slug).isEqualTo(1);
            assertThat(feed.get("sections").size()).as(slug).isEqualTo(4);
            var kinds = new HashSet<String>();
            feed.get("items").forEach(p -> kinds.add(p.get("kind").asString()));
            assertThat(kinds).as(slug).contains("DISCUSSION", "QUESTION", "ARTICLE");
            assertThat(feed.get("items").valueStream().anyMatch(p -> p.get("imageCount").asInt() > 0)).as(slug).isTrue();
            assertThat(feed.get("items").valueStream().anyMatch(p -> p.path("question").path("solved").asBoolean()))
                    .as(slug).isTrue();
            assertThat(get(http, token(http, slug), "/communities/" + slug + "/posts?view=featured").get("items").size())
                    .as(slug).isGreaterThanOrEqualTo(2);
            assertThat(get(http, token(http, slug), "/communities/" + slug + "/posts?view=hot").get("items").size())
                    .as(slug).isGreaterThanOrEqualTo(8);
            var stickers = get(http, token(http, slug), "/communities/" + slug + "/sticker-packs").get("packs").get(0)
                    .get("stickers");
            assertThat(stickers.size()).as(slug).isEqualTo(4);
            assertThat(stickers.get(0).get("name").asString()).as(slug).isEqualTo("打卡");
            var announcements = get(http, token(http, slug), "/communities/" + slug + "/announcements");
            assertThat(announcements.size()).as(slug).isEqualTo(1);
        }
        var featuredPost = get(http, token, "/communities/pm-reading-sz/posts?view=featured").get("items").get(0);
        var post = get(http, token, "/communities/pm-reading-sz/posts/" + featuredPost.get("id").asLong());
        assertThat(post.get("comments").valueStream().anyMatch(c -> !c.get("replies").isEmpty())).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get(http, token, "/communities/pm-reading-sz/search?q=" + DemoStories.SEARCHABLE).get("items").size())
                .isGreaterThanOrEqualTo(1));

        // the owner's to-do centre: applicants, a report, a held comment and a question waiting for the owner
        var todo = get(http, token, "/communities/pm-reading-sz/todo");
        assertThat(todo.get("pendingApplications").asInt()).isEqualTo(2);
        assertThat(todo.get("openReports").asInt()).isEqualTo(1);
        assertThat(todo.get("heldComments").asInt()).isEqualTo(1);
        assertThat(todo.get("questions").size()).isEqualTo(1);
        assertThat(get(http, token(http, "hz-morning-run"), "/communities/hz-morning-run/todo").get("questions").size())
                .isEqualTo(1);
        var conversations = get(http, token, "/messages");
        assertThat(conversations.get("items").size()).isEqualTo(1);
        assertThat(conversations.get("items").get(0).get("otherName").asString()).isEqualTo("赵一鸣");

        // a restart seeds nothing twice
        int posts = get(http, token, "/communities/pm-reading-sz/posts").get("items").size();
        seeder.seed(new DemoClient(http));
        assertThat(get(http, token, "/communities/pm-reading-sz/posts").get("items").size()).isEqualTo(posts);
        assertThat(get(http, token, "/communities/pm-reading-sz/announcements").size()).isEqualTo(1);
    }

    /** The owner's token: demo1 runs the reading group, demo2 the morning-run group. */
    private String token(RestClient http, String slug) {
        var email = (slug.equals("hz-morning-run") ? "demo2" : "demo1") + DemoPeople.DOMAIN;
        return tokens.computeIfAbsent(email, e -> http.post().uri("/auth/tokens")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("email", e, "password", DemoPeople.PASSWORD, "name", "t"))
                .retrieve().body(JsonNode.class).get("token").asString());
    }

    private final Map<String, String> tokens = new java.util.HashMap<>();

    private static JsonNode get(RestClient http, String token, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
    }
}
