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
    }
}
