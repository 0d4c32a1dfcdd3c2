package org.shequn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestCommunity;
import org.shequn.content.MemberMentioned;
import org.shequn.content.QuestionAsked;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail against a real SMTP server in this JVM (GreenMail). Only this class configures {@code spring.mail.host};
 * every other test runs without mail. The port is chosen free up front (not GreenMail's dynamic port) because
 * one test stops the server and starts it again on the same port. Jobs are driven by calling them with a time;
 * their schedules are pushed out of the way.
 */
@IntegrationTest
class MailNotificationTests {

    static final int PORT = freePort();
    static final ServerSetup SMTP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int DIGEST_PAGE = 2;
    static GreenMail greenMail;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("shequn.mail.send-every", () -> "PT1H");
        registry.add("shequn.mail.digest-cron", () -> "-");
        registry.add("shequn.mail.digest-hour", () -> 0);
        // every community here has more members than a page: the digest's paging is always exercised
        registry.add("shequn.mail.digest-page-size", () -> DIGEST_PAGE);
        registry.add("shequn.base-url", () -> "https://shequn.example");
    }

    @BeforeAll
    static void startSmtp() {
        greenMail = new GreenMail(SMTP);
        greenMail.start();
    }

    @AfterAll
    static void stopSmtp() {
        greenMail.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MailDelivery delivery;
    @Autowired
    Digest digest;
    Api api;
    String slug;
    long communityId;
    Api.User owner;
    Api.User alice;
    Api.User bob;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "mail-");
        owner = community.owner();
        slug = community.slug();
        communityId = community.id();
        alice = community.seat("张三", "MEMBER");
        bob = community.seat("李四", "MEMBER");
    }

    long post(Api.User author, String kind, String title) throws Exception {
        return Api.body(api.post(author, "/api/v1/communities/" + slug + "/posts",
                Api.obj("kind", kind, "title", title, "body", "正文")).andExpect(status().isCreated())).get("id").asLong();
    }

    int queued(Api.User user) {
        return jdbc.sql("select count(*) from mail_outbox where account_id = ?").param(user.id()).query(Integer.class).single();
    }

    List<MimeMessage> mailTo(Api.User user) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(user.email()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Sends everything due (the digest also mails the other test classes' accounts: more than one batch). */
    void deliverAll(OffsetDateTime at) {
        while (delivery.deliverDue(at) > 0) {
            // next batch
        }
    }

    /** In microseconds, as the database keeps times (H2 rounds finer ones up: "due at now" would be late). */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @Test
    void aQuestionAndAMentionAreMailedAtOnceInTheRecipientsLanguageEscaped() throws Exception {
        api.put(bob, "/api/v1/notifications/preferences", Api.obj("topics", List.of())).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/notifications/preferences")
                .header("Authorization", alice.bearer()).header("Accept-Language", "en")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"topics\":[]}"))
                .andExpect(status().isOk());
        long question = post(alice, "QUESTION", "<b>怎么</b>做社群运营");
        transactions.executeWithoutResult(t -> {
            events.publishEvent(new QuestionAsked(question, communityId, alice.id(), bob.id()));
            events.publishEvent(new MemberMentioned(communityId, question, null, owner.id(), alice.id()));
        });
        Awaitility.await().atMost(WAIT).until(() -> queued(bob) == 1 && queued(owner) == 1);
        deliverAll(now());

        var toBob = mailTo(bob);
        assertThat(toBob).hasSize(1);
        var mail = toBob.getFirst();
        assertThat(mail.getSubject()).isEqualTo("[社群] 张三 向你提问：「<b>怎么</b>做社群运营」");
        var text = part(mail, "text/plain");
        var html = part(mail, "text/html");
        assertThat(text).contains("张三 向你提问：「<b>怎么</b>做社群运营」")
                .contains("https://shequn.example/c/" + slug + "/posts/" + question)
                .contains("https://shequn.example/notifications/settings");
        assertThat(html).contains("&lt;b&gt;怎么&lt;/b&gt;做社群运营").doesNotContain("<b>怎么")
                .contains("href=\"https://shequn.example/c/" + slug + "/posts/" + question + "\"")
                .contains("通知设置");

        // the owner never saved preferences: mail in the default language, Chinese
        assertThat(mailTo(owner)).singleElement().satisfies(m -> assertThat(m.getSubject()).contains("在「<b>怎么</b>做社群运营」中提到了你"));
        // nothing mailed twice
        assertThat(delivery.deliverDue(now())).isZero();
        assertThat(mailTo(bob)).hasSize(1);
    }

    @Test
    void mailIsInTheLanguageTheMemberSavedTheirPreferencesIn() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/notifications/preferences")
                .header("Authorization", bob.bearer()).header("Accept-Language", "en")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"topics\":[]}"))
                .andExpect(status().isOk());
        long question = post(alice, "QUESTION", "Hello");
        transactions.executeWithoutResult(t -> events.publishEvent(new QuestionAsked(question, communityId, alice.id(), bob.id())));
        Awaitility.await().atMost(WAIT).until(() -> queued(bob) == 1);
        deliverAll(now());
        var mail = mailTo(bob).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[Shequn] 张三 asked you a question: \"Hello\"");
        assertThat(part(mail, "text/plain")).contains("Switch them off in your notification settings");
    }

    @Test
    void aTopicWhoseMailIsOffSendsNoMail() throws Exception {
        api.put(bob, "/api/v1/notifications/preferences", Api.obj("topics", List.of(
                Api.obj("topic", "MENTIONED", "inApp", true, "email", false)))).andExpect(status().isOk());
        long post = post(alice, "DISCUSSION", "提到李四");
        transactions.executeWithoutResult(t -> events.publishEvent(new MemberMentioned(communityId, post, null, bob.id(), alice.id())));
        Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from notifications where account_id = ? and kind = 'MENTIONED'")
                .param(bob.id()).query(Integer.class).single() == 1);
        deliverAll(now());
        assertThat(queued(bob)).isZero();
        assertThat(mailTo(bob)).isEmpty();
    }

    @Test
    void twoNodesSendingAtOnceSendEachMailOnce() throws Exception {
        long question = post(alice, "QUESTION", "并发");
        transactions.executeWithoutResult(t -> events.publishEvent(new QuestionAsked(question, communityId, alice.id(), bob.id())));
        Awaitility.await().atMost(WAIT).until(() -> queued(bob) == 1);
        var start = new CountDownLatch(1);
        Callable<Integer> node = () -> {
            start.await();
            return delivery.deliverDue(now());
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(node);
            var b = pool.submit(node);
            start.countDown();
            a.get();
            b.get();
        }
        assertThat(mailTo(bob)).hasSize(1);
        assertThat(jdbc.sql("select status from mail_outbox where account_id = ?").param(bob.id()).query(String.class).single())
                .isEqualTo("SENT");
    }

    @Test
    void aMailQueuedWhileTheSmtpServerIsDownIsDeliveredOnceItIsBack() throws Exception {
        long question = post(alice, "QUESTION", "服务器挂了");
        greenMail.stop();
        try {
            transactions.executeWithoutResult(t -> events.publishEvent(new QuestionAsked(question, communityId, alice.id(), bob.id())));
            Awaitility.await().atMost(WAIT).until(() -> queued(bob) == 1);
            var now = now();
            assertThat(delivery.deliverDue(now)).isZero();
            var row = jdbc.sql("select status, attempts, last_error from mail_outbox where account_id = ?").param(bob.id()).query().singleRow();
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
            assertThat((String) row.get("last_error")).isNotBlank();
        } finally {
            greenMail = new GreenMail(SMTP);
            greenMail.start();
        }
        // not due again at once (backoff), due a few minutes later
        deliverAll(now());
        assertThat(mailTo(bob)).isEmpty();
        deliverAll(now().plusMinutes(3));
        assertThat(mailTo(bob)).singleElement().satisfies(m -> assertThat(m.getSubject()).contains("服务器挂了"));
    }

    @Test
    void theDailyDigestTellsWhatIsNewInMyCommunitiesOncePerDay() throws Exception {
        api.put(owner, "/api/v1/notifications/preferences", Api.obj("digest", false, "topics", List.of())).andExpect(status().isOk());
        post(alice, "DISCUSSION", "第一篇：读书笔记");
        post(alice, "DISCUSSION", "第二篇：<i>活动</i>预告");
        Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from digest_posts where community_id = ?")
                .param(communityId).query(Integer.class).single() == 2);
        digest.run(now());
        deliverAll(now());

        var toBob = mailTo(bob);
        assertThat(toBob).hasSize(1);
        assertThat(toBob.getFirst().getSubject()).isEqualTo("[社群] 每日摘要：你的社群有新动态");
        var text = part(toBob.getFirst(), "text/plain");
        assertThat(text).contains("「产品经理读书会」有 2 篇新帖子：").contains("· 第二篇：<i>活动</i>预告").contains("· 第一篇：读书笔记");
        assertThat(part(toBob.getFirst(), "text/html")).contains("第二篇：&lt;i&gt;活动&lt;/i&gt;预告");
        // her own posts are not news to the author; the owner switched the digest off
        assertThat(mailTo(alice)).isEmpty();
        assertThat(mailTo(owner)).isEmpty();
        // once a day
        post(alice, "DISCUSSION", "第三篇");
        Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from digest_posts where community_id = ?")
                .param(communityId).query(Integer.class).single() == 3);
        digest.run(now().plusHours(1));
        deliverAll(now().plusHours(1));
        assertThat(mailTo(bob)).hasSize(1);
        digest.run(now().plusHours(24));
        deliverAll(now().plusHours(24));
        assertThat(mailTo(bob)).hasSize(2);
        assertThat(part(mailTo(bob).get(1), "text/plain")).contains("有 1 篇新帖子").contains("第三篇").doesNotContain("第一篇");
    }

    @Test
    void theDigestWalksACommunityPageByPageAndMailsEveryMemberOnceWhateverTheirCommunities() throws Exception {
        var members = new java.util.ArrayList<>(List.of(bob));
        for (int i = 0; i < 3 * DIGEST_PAGE + 1; i++) {
            var m = api.register("成员" + i);
            Members.add(jdbc, communityId, m.id(), "MEMBER");
            members.add(m);
        }
        // the first new member is also in a second community with news: one digest tells of both
        var secondSlug = Api.unique("mail2-");
        var second = new java.util.LinkedHashMap<>(CommunityFixtures.settings(secondSlug));
        second.put("name", "第二个社群");
        long secondId = TestCommunity.create(api, jdbc, owner, second).id();
        var both = members.get(1);
        Members.add(jdbc, secondId, both.id(), "MEMBER");
        post(alice, "DISCUSSION", "分页摘要的帖子");
        Api.body(api.post(owner, "/api/v1/communities/" + secondSlug + "/posts",
                Api.obj("kind", "DISCUSSION", "title", "第二个社群的帖子", "body", "正文")).andExpect(status().isCreated()));
        Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from digest_posts where community_id in (?, ?)")
                .params(communityId, secondId).query(Integer.class).single() == 2);
        assertThat(jdbc.sql("select count(*) from memberships where community_id = ?").param(communityId)
                .query(Integer.class).single()).isGreaterThan(3 * DIGEST_PAGE);

        var at = now();
        digest.run(at);
        digest.run(at);
        deliverAll(at);

        for (var m : members) {
            assertThat(mailTo(m)).as(m.displayName()).singleElement().satisfies(mail ->
                    assertThat(part(mail, "text/plain")).contains("「产品经理读书会」有 1 篇新帖子：").contains("· 分页摘要的帖子"));
        }
        assertThat(part(mailTo(both).getFirst(), "text/plain")).contains("「第二个社群」有 1 篇新帖子：").contains("· 第二个社群的帖子");
        assertThat(part(mailTo(bob).getFirst(), "text/plain")).doesNotContain("第二个社群");
        // the owner wrote the second community's post and is told only of the first's
        assertThat(mailTo(owner)).singleElement().satisfies(mail -> assertThat(part(mail, "text/plain"))
                .contains("分页摘要的帖子").doesNotContain("第二个社群的帖子"));
        assertThat(mailTo(alice)).isEmpty();
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
