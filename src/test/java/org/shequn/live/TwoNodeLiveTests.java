package org.shequn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.Members;
import org.shequn.ShequnApplication;
import org.shequn.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on one PostgreSQL database, over real HTTP: what is written through node A reaches
 * a member watching on node B. Runs in the PostgreSQL test run (it creates and drops its own database);
 * skipped on H2, where there is only ever one node. The nodes talk through PostgreSQL {@code LISTEN/NOTIFY};
 * {@link RedisTwoNodeLiveTests} runs the same tests with Redis pub/sub.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeLiveTests {

    /** Generous: the first post of a JVM loads the search segmenter's dictionary, which pins both carrier threads of a 2-core machine for seconds. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String database;
    private String databaseUrl;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final List<HttpResponse<java.util.stream.Stream<String>>> openStreams = new CopyOnWriteArrayList<>();

    /** What the nodes are started with besides the database: the transport's settings. */
    List<String> transport() {
        return List.of();
    }

    /** Whether the nodes listen on PostgreSQL (the LISTEN connection test needs that). */
    boolean listensOnPostgres() {
        return true;
    }

    @BeforeAll
    void twoNodes() {
        Assumptions.assumeTrue(TestDatabase.postgres(), "two nodes need PostgreSQL (run with -Dshequn.test.db=postgres)");
        var transport = transport();
        database = "shequn_live_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("create database " + database);
        var server = TestDatabase.serverUrl();
        databaseUrl = server.substring(0, server.lastIndexOf('/') + 1) + database;
        // one after the other: Flyway migrates once, the second node finds the schema current
        nodes.add(node(transport));
        nodes.add(node(transport));
    }

    @AfterAll
    void stop() {
        openStreams.forEach(r -> r.body().close());
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
        if (database != null) {
            admin("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void aCommentWrittenOnNodeAAppearsOnAPostPageServedByNodeB() throws Exception {
        var c = community();
        long post = post(c.owner(), c.slug(), "两个节点的帖子");
        var stream = stream(b(), "/c/" + c.slug() + "/posts/" + post + "/live", c.member());

        long comment = comment(c.other(), c.slug(), post, "从节点 A 写的评论");

        await().atMost(WAIT).untilAsserted(() -> assertThat(String.join("\n", stream))
                .contains("event:comment").contains("comment-" + comment).contains("从节点 A 写的评论"));
    }

    @Test
    void aPostWrittenOnNodeAAppearsOnTheFeedServedByNodeBAndOutsidersAreRefused() throws Exception {
        var c = community();
        var feed = stream(b(), "/c/" + c.slug() + "/live", c.member());
        var api = stream(b(), "/api/v1/communities/" + c.slug() + "/live", c.owner());

        long post = post(c.other(), c.slug(), "节点 A 上发的新帖");

        await().atMost(WAIT).untilAsserted(() -> assertThat(String.join("\n", feed))
                .contains("event:post").contains("post-" + post).contains("节点 A 上发的新帖"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(String.join("\n", api))
                .contains("\"kind\":\"POST\"").contains("\"id\":" + post));
        for (var node : List.of(a(), b())) {
            assertThat(status(node, "/c/" + c.slug() + "/live", c.outsider())).isEqualTo(403);
            assertThat(status(node, "/c/" + c.slug() + "/live", null)).isEqualTo(401);
        }
    }

    @Test
    void aPrivateMessageSentOnNodeAReachesOnlyItsTwoPeopleOnNodeB() throws Exception {
        var c = community();
        var recipient = stream(b(), "/messages/live", c.member());
        var sender = stream(b(), "/api/v1/messages/live", c.other());
        var third = stream(b(), "/messages/live", c.owner());

        var response = send(a(), "POST", "/api/v1/messages/" + c.member().id(), c.other(), Map.of("body", "两个节点之间的私信"));
        assertThat(response.statusCode()).isEqualTo(201);
        long id = json(response).get("id").asLong();

        await().atMost(WAIT).untilAsserted(() -> assertThat(String.join("\n", recipient))
                .contains("event:private-message").contains("\"id\":" + id).contains("两个节点之间的私信")
                .contains("\"unread\":1"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(String.join("\n", sender))
                .contains("\"id\":" + id).contains("\"mine\":true"));
        assertThat(String.join("\n", third)).doesNotContain("两个节点之间的私信");
        assertThat(status(b(), "/messages/live", null)).isEqualTo(401);
    }

    @Test
    void aNodeWhoseListenConnectionDropsReconnectsAndKeepsDelivering() throws Exception {
        Assumptions.assumeTrue(listensOnPostgres(), "the nodes do not listen on PostgreSQL");
        var c = community();
        long post = post(c.owner(), c.slug(), "断线重连");
        var stream = stream(b(), "/c/" + c.slug() + "/posts/" + post + "/live", c.member());

        int killed = jdbc(a()).sql("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where datname = ? and application_name = ?""")
                .params(database, PostgresBroadcast.APPLICATION_NAME).query(Integer.class).single();
        assertThat(killed).isEqualTo(2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(String.join("\n", stream)).contains("event:resync"));
        await().atMost(WAIT).until(() -> listeners() == 2);

        long comment = comment(c.other(), c.slug(), post, "重连之后的评论");
        await().atMost(WAIT).untilAsserted(() -> assertThat(String.join("\n", stream)).contains("comment-" + comment));
    }

    record Community(String slug, User owner, User member, User other, User outsider) {
    }

    record User(long id, String token) {
    }

    Community community() throws Exception {
        var owner = register(a(), "群主");
        var slug = Api.unique("two-nodes-");
        var created = send(a(), "POST", "/api/v1/communities", owner, CommunityFixtures.settings(slug));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = jdbc(a()).sql("select id from communities where slug = ?").param(slug).query(Long.class).single();
        var member = register(b(), "小林");
        var other = register(a(), "阿杰");
        Members.add(jdbc(a()), id, member.id(), "MEMBER");
        Members.add(jdbc(a()), id, other.id(), "MEMBER");
        return new Community(slug, owner, member, other, register(b(), "路人"));
    }

    private User register(ConfigurableApplicationContext node, String name) throws Exception {
        var email = Api.unique("node") + "@example.com";
        var account = json(send(node, "POST", "/api/v1/auth/register", null,
                Map.of("email", email, "password", "secret-pass-1", "displayName", name)));
        var token = json(send(node, "POST", "/api/v1/auth/tokens", null,
                Map.of("email", email, "password", "secret-pass-1", "name", "test")));
        return new User(account.get("id").asLong(), token.get("token").asString());
    }

    long post(User author, String slug, String text) throws Exception {
        var response = send(a(), "POST", "/api/v1/communities/" + slug + "/posts", author,
                Map.of("kind", "DISCUSSION", "body", text));
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("id").asLong();
    }

    long comment(User author, String slug, long post, String text) throws Exception {
        var response = send(a(), "POST", "/api/v1/communities/" + slug + "/posts/" + post + "/comments", author,
                Map.of("body", text));
        assertThat(response.statusCode()).isEqualTo(201);
        return Long.parseLong(response.headers().firstValue("X-Comment-Id").orElseThrow());
    }

    /** Opens an event stream and collects its lines in the background until the test ends. */
    List<String> stream(ConfigurableApplicationContext node, String path, User user) throws Exception {
        var response = HTTP.send(request(node, path, user).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        openStreams.add(response);
        var lines = new CopyOnWriteArrayList<String>();
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test is over
            }
        });
        await().atMost(WAIT).until(() -> lines.contains("event:ready"));
        return lines;
    }

    private int status(ConfigurableApplicationContext node, String path, User user) throws Exception {
        return HTTP.send(request(node, path, user).GET().timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path, User user,
                                             Object body) throws Exception {
        var request = request(node, path, user).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(ConfigurableApplicationContext node, String path, User user) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + path));
        return user == null ? builder : builder.header("Authorization", "Bearer " + user.token());
    }

    private JsonNode json(HttpResponse<String> response) {
        return Api.read(response.body());
    }

    int listeners() {
        return jdbc(a()).sql("select count(*) from pg_stat_activity where datname = ? and application_name = ?")
                .params(database, PostgresBroadcast.APPLICATION_NAME).query(Integer.class).single();
    }

    private ConfigurableApplicationContext node(List<String> transport) {
        // command-line arguments: they outrank application.yml's defaults (default properties would not)
        var args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--shequn.data-dir=target/test-data/two-nodes"));
        args.addAll(transport);
        return new SpringApplicationBuilder(ShequnApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    ConfigurableApplicationContext a() {
        return nodes.get(0);
    }

    ConfigurableApplicationContext b() {
        return nodes.get(1);
    }

    private int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private JdbcClient jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcClient.class);
    }

    private void admin(String sql) {
        try (var connection = DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.user(), TestDatabase.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
