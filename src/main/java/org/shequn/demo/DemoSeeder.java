package org.shequn.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Seeds the demo once, in the background after start-up, through the public API. If the first demo account
 * already exists (409), the demo was seeded before and nothing happens.
 */
@Component
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final boolean enabled;
    private volatile boolean finished;

    DemoSeeder(@Value("${shequn.demo:false}") boolean enabled) {
        this.enabled = enabled;
    }

    boolean finished() {
        return finished;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (!enabled || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        Thread.ofVirtual().name("demo-seeder").start(() -> {
            try {
                seed(new DemoClient(RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/api/v1")
                        .defaultHeader("Accept-Language", "zh-CN").build()));
            } catch (RuntimeException e) {
                log.warn("Demo data could not be seeded completely: {}", e.getMessage());
            } finally {
                finished = true;
            }
        });
    }

    /** Package-private for the test that runs it a second time. */
    void seed(DemoClient http) {
        var people = DemoPeople.all();
        var first = people.getFirst();
        try {
            register(http, first);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 409) {
                seedLifeIntoEarlierDemo(http, people);
                return;
            }
            throw e;
        }
        log.info("Seeding demo data: {} people, {} communities (password for every demo account: {})",
                people.size(), DemoPeople.communities().size(), DemoPeople.PASSWORD);
        for (var person : people.subList(1, people.size())) {
            register(http, person);
        }
        List<String> tokens = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        signIn(http, people, tokens, ids);
        for (int i = 0; i < people.size(); i++) {
            http.put(tokens.get(i), "/me/profile", profile(people.get(i)));
        }
        verifyPositions(http, tokens, 1, 6);

        var communities = DemoPeople.communities();
        var reading = (String) communities.get(0).get("slug");
        var running = (String) communities.get(1).get("slug");
        var makers = (String) communities.get(2).get("slug");
        for (int i = 0; i < communities.size(); i++) {
            http.post(tokens.get(i), "/communities", communities.get(i));
        }
        // 读书会 (approval): most applicants are approved, the last two wait for review.
        for (int i = 3; i <= 17; i++) {
            var application = http.post(tokens.get(i), "/communities/" + reading + "/applications",
                    Map.of("answers", List.of("我在" + people.get(i).company() + "做" + people.get(i).position() + "。",
                            "最近在读《俞军产品方法论》。")));
            if (i < 16) {
                http.post(tokens.get(0), "/communities/" + reading + "/applications/" + application.get("id").asLong()
                        + "/approve", null);
            }
        }
        http.put(tokens.get(0), "/communities/" + reading + "/members/" + ids.get(3) + "/role", Map.of("role", "ADMIN"));
        http.put(tokens.get(0), "/communities/" + reading + "/members/" + ids.get(4) + "/role", Map.of("role", "CORE"));
        http.put(tokens.get(0), "/communities/" + reading + "/members/" + ids.get(5) + "/role", Map.of("role", "CORE"));
        // 晨跑团 (open): anyone joins.
        for (int i = 8; i < people.size(); i += 1) {
            http.post(tokens.get(i), "/communities/" + running + "/join", Map.of());
        }
        // 独立开发者联盟 (invitation): the owner invites some, a member invites two more.
        var code = http.post(tokens.get(2), "/communities/" + makers + "/invitations",
                Map.of("expiresInHours", 720, "maxUses", 20)).get("code").asString();
        for (int i = 18; i <= 26; i++) {
            http.post(tokens.get(i), "/communities/" + makers + "/join", Map.of("code", code));
        }
        var memberCode = http.post(tokens.get(20), "/communities/" + makers + "/invitations",
                Map.of("expiresInHours", 168, "maxUses", 5)).get("code").asString();
        for (int i = 27; i <= 28; i++) {
            http.post(tokens.get(i), "/communities/" + makers + "/join", Map.of("code", memberCode));
        }
        // Who follows whom: neighbours follow each other (friends), and everyone follows the first owner.
        for (int i = 1; i < people.size(); i++) {
            http.put(tokens.get(i), "/people/" + ids.get(0) + "/follow", null);
            http.put(tokens.get(i), "/people/" + ids.get((i % (people.size() - 1)) + 1) + "/follow", null);
            http.put(tokens.get((i % (people.size() - 1)) + 1), "/people/" + ids.get(i) + "/follow", null);
        }
        bringToLife(http, tokens, ids);
        log.info("Demo data seeded. Sign in as {} / {} (owner of 《{}》; the operator too if it was the installation's first account).",
                people.getFirst().email(), DemoPeople.PASSWORD, communities.getFirst().get("name"));
    }

    /**
     * A demo seeded before the communities had posts: their members are there, the reading group's feed is
     * empty. Then the posts and the rest of community life are added once; when the feed has posts (or the
     * first demo account's password was changed), nothing happens.
     */
    private void seedLifeIntoEarlierDemo(DemoClient http, List<DemoPeople.Person> people) {
        var first = people.getFirst();
        JsonNode issued;
        try {
            issued = http.post(null, "/auth/tokens", Map.of("email", first.email(), "password", DemoPeople.PASSWORD,
                    "name", "demo-check"));
        } catch (RestClientResponseException e) {
            log.info("Demo data already present; not seeding again.");
            return;
        }
        var token = issued.get("token").asString();
        boolean living = !http.get(token, "/communities/" + DemoStories.reading().slug() + "/posts")
                .get("items").isEmpty();
        http.delete(token, "/me/tokens/" + issued.get("id").asLong());
        if (living) {
            log.info("Demo data already present; not seeding again.");
            return;
        }
        log.info("Demo members present without posts: adding the communities' posts, questions and conversations.");
        List<String> tokens = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        signIn(http, people, tokens, ids);
        bringToLife(http, tokens, ids);
    }

    /** Posts, questions, curation, reports and announcements in two communities; a conversation with an owner. */
    private static void bringToLife(DemoClient http, List<String> tokens, List<Long> ids) {
        var activity = new DemoActivity(http, tokens, ids);
        activity.play(DemoStories.reading());
        activity.play(DemoStories.running());
        // the reading group's rules say 请先私信群主: a member does, about bringing a colleague
        var member = tokens.get(6);
        var owner = tokens.getFirst();
        http.post(member, "/messages/" + ids.getFirst(), Map.of("body",
                "林晓你好！群规里说有问题先私信群主：月底的线下分享会，我能带一位同事来旁听吗？她也是做产品的。"));
        http.post(owner, "/messages/" + ids.get(6), Map.of("body",
                "当然可以，欢迎！请她先在读书会主页提交入群申请，我这边会尽快通过。分享会周六下午两点，在南山科技园。"));
        http.post(member, "/messages/" + ids.getFirst(), Map.of("body", "好的，谢谢！我让她今天就申请。"));
    }

    private static void signIn(DemoClient http, List<DemoPeople.Person> people, List<String> tokens, List<Long> ids) {
        for (var person : people) {
            var token = http.post(null, "/auth/tokens", Map.of("email", person.email(), "password", DemoPeople.PASSWORD,
                    "name", "demo")).get("token").asString();
            tokens.add(token);
            ids.add(http.get(token, "/me").get("id").asLong());
        }
    }

    /** Members ask for position verification and the operator (the first demo account) approves. */
    private void verifyPositions(DemoClient http, List<String> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            var request = http.post(tokens.get(i), "/me/verifications", Map.of("kind", "POSITION",
                    "evidence", "企业邮箱验证截图"));
            try {
                http.post(tokens.getFirst(), "/operator/verifications/" + request.get("id").asLong() + "/approve", null);
            } catch (RestClientResponseException e) {
                log.info("Demo verifications left pending: the first demo account is not an operator here.");
                return;
            }
        }
    }

    private static Map<String, Object> profile(DemoPeople.Person p) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("displayName", p.name());
        m.put("bio", p.bio());
        m.put("city", p.city());
        m.put("industry", p.industry());
        m.put("company", p.company());
        m.put("position", p.position());
        m.put("education", List.of(Map.of("school", p.school(), "degree", p.degree(), "startYear", 2010, "endYear", 2014)));
        m.put("skills", p.skills());
        m.put("interests", p.interests());
        return m;
    }

    private static void register(DemoClient http, DemoPeople.Person person) {
        http.post(null, "/auth/register", Map.of("email", person.email(), "password", DemoPeople.PASSWORD,
                "displayName", person.name()));
    }
}
