package org.shequn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.TestDatabase;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.community.EntryPolicy;
import org.shequn.community.Visibility;
import org.shequn.content.CommentAdded;
import org.shequn.content.PostKind;
import org.shequn.content.Posts;
import org.shequn.reaction.ReactionAdded;
import org.shequn.identity.AccountSummary;
import org.shequn.identity.Accounts;
import org.shequn.membership.ApplicationSubmitted;
import org.shequn.membership.MemberLeft;
import org.shequn.membership.Memberships;
import org.shequn.social.Followed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notification module alone: other modules' events go in, the inbox rows come out of its own store. Who is
 * a member, what a post is called and who is who come from stand-ins; ids are made up (the inbox has no foreign
 * keys). The mail and digest jobs are kept from running: this slice has no lock provider, so they would run
 * alongside the full application's on the shared test database.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = {"spring.modulith.events.republish-outstanding-events-on-restart=false",
        "shequn.mail.send-every=PT100000H", "shequn.mail.digest-cron=-"})
class NotificationModuleTests {

    private static final AtomicLong IDS = new AtomicLong(8_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @MockitoBean
    Communities communities;
    @MockitoBean
    Memberships memberships;
    @MockitoBean
    Accounts accounts;
    @MockitoBean
    Posts posts;

    @Autowired
    NotificationStore store;
    @Autowired
    PreferenceStore preferences;
    @Autowired
    NotificationText texts;
    @Autowired
    JdbcClient jdbc;

    private final long community = IDS.incrementAndGet();
    private final String slug = "n" + community;

    @BeforeEach
    void theCommunity() {
        when(communities.find(community)).thenReturn(Optional.of(new CommunityInfo(community, slug, "读书会", "",
                List.of(), 1, 40, EntryPolicy.OPEN, false, false, true, List.of(), Visibility.PUBLIC, false, null)));
    }

    private long member(String name) {
        long id = person(name);
        when(memberships.roleOf(community, id)).thenReturn(Optional.of(CommunityRole.MEMBER));
        return id;
    }

    private long person(String name) {
        long id = IDS.incrementAndGet();
        when(accounts.find(id)).thenReturn(Optional.of(new AccountSummary(id, name)));
        return id;
    }

    private long post(long author, PostKind kind, String title) {
        long id = IDS.incrementAndGet();
        when(posts.find(id)).thenReturn(Optional.of(new Posts.PostRef(id, community, author, title, kind)));
        return id;
    }

    private List<NotificationStore.NotificationRow> inbox(long account) {
        return store.inbox(account, Long.MAX_VALUE, 50);
    }

    private String text(NotificationStore.NotificationRow row) {
        return texts.text(row, Locale.SIMPLIFIED_CHINESE);
    }

    /** Every event about this test's community went through its listeners (a delivered publication is deleted). */
    private boolean delivered() {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%\"communityId\":" + community + "%").query(Integer.class).single() == 0;
    }

    @Test
    void aCommentTellsThePostsAuthor(Scenario scenario) {
        long author = member("张三");
        long commenter = member("李四");
        long post = post(author, PostKind.DISCUSSION, "周末读书会");
        long comment = IDS.incrementAndGet();
        scenario.publish(new CommentAdded(comment, post, community, null, commenter, author))
                .andWaitForStateChange(() -> inbox(author), rows -> !rows.isEmpty())
                .andVerify(rows -> {
                    var row = rows.getFirst();
                    assertThat(row.kind()).isEqualTo(NotificationKind.REPLY);
                    assertThat(text(row)).isEqualTo("李四 评论了你的帖子「周末读书会」。");
                    assertThat(NotificationText.link(row)).isEqualTo("/c/" + slug + "/posts/" + post + "#comment-" + comment);
                    assertThat(row.readAt()).isNull();
                });
    }

    @Test
    void aCommentOnAQuestionIsAnAnswer(Scenario scenario) {
        long asker = member("张三");
        long post = post(asker, PostKind.QUESTION, "第三章怎么理解？");
        scenario.publish(new CommentAdded(IDS.incrementAndGet(), post, community, null, member("李四"), asker))
                .andWaitForStateChange(() -> inbox(asker), rows -> !rows.isEmpty())
                .andVerify(rows -> assertThat(text(rows.getFirst())).isEqualTo("李四 回答了你的提问「第三章怎么理解？」。"));
    }

    @Test
    void aReplyTellsTheCommentsAuthorNotThePosts(Scenario scenario) {
        long author = member("张三");
        long commenter = member("李四");
        long replier = member("王五");
        long post = post(author, PostKind.DISCUSSION, "周末读书会");
        long parent = IDS.incrementAndGet();
        when(posts.commentText(community, parent)).thenReturn(Optional.of(new Posts.Text(parent, community, post, null,
                commenter, "DISCUSSION", "周末读书会", "同去", OffsetDateTime.now(ZoneOffset.UTC))));
        scenario.publish(new CommentAdded(IDS.incrementAndGet(), post, community, parent, replier, author))
                .andWaitForStateChange(() -> inbox(commenter), rows -> !rows.isEmpty())
                .andVerify(rows -> {
                    assertThat(rows.getFirst().kind()).isEqualTo(NotificationKind.COMMENT_REPLY);
                    assertThat(text(rows.getFirst())).isEqualTo("王五 回复了你在「周末读书会」下的评论。");
                    assertThat(inbox(author)).isEmpty();
                });
    }

    @Test
    void nobodyIsToldOfTheirOwnComment(Scenario scenario) {
        long author = member("张三");
        long post = post(author, PostKind.DISCUSSION, "自问自答");
        scenario.publish(new CommentAdded(IDS.incrementAndGet(), post, community, null, author, author))
                .andWaitForStateChange(this::delivered)
                .andVerify(done -> assertThat(inbox(author)).isEmpty());
    }

    @Test
    void someoneNoLongerAMemberIsNotToldOfTheCommunitysContent(Scenario scenario) {
        long former = person("已退群");
        long post = post(former, PostKind.DISCUSSION, "旧帖子");
        scenario.publish(new CommentAdded(IDS.incrementAndGet(), post, community, null, member("李四"), former))
                .andWaitForStateChange(this::delivered)
                .andVerify(done -> assertThat(inbox(former)).isEmpty());
    }

    @Test
    void aRedeliveredEventNotifiesOnce(Scenario scenario) {
        long author = member("张三");
        long post = post(author, PostKind.DISCUSSION, "周末读书会");
        var added = new CommentAdded(IDS.incrementAndGet(), post, community, null, member("李四"), author);
        scenario.publish(added).andWaitForStateChange(() -> inbox(author), rows -> !rows.isEmpty());
        scenario.publish(added).andWaitForStateChange(this::delivered)
                .andVerify(done -> assertThat(inbox(author)).hasSize(1));
    }

    @Test
    void aSwitchedOffTopicStaysOutOfTheInbox(Scenario scenario) {
        long author = member("张三");
        preferences.replace(author, Map.of(Topic.REPLY, new PreferenceStore.Choice(false, false)), true, "zh-CN");
        long post = post(author, PostKind.DISCUSSION, "周末读书会");
        scenario.publish(new CommentAdded(IDS.incrementAndGet(), post, community, null, member("李四"), author))
                .andWaitForStateChange(this::delivered)
                .andVerify(done -> assertThat(inbox(author)).isEmpty());
    }

    @Test
    void reactionsToOnePostAreCountedInOneNotificationUntilItIsRead(Scenario scenario) {
        long author = member("张三");
        long post = post(author, PostKind.DISCUSSION, "周末读书会");
        scenario.publish(new ReactionAdded(community, post, null, author, member("李四"), "LIKE"))
                .andWaitForStateChange(() -> inbox(author), rows -> !rows.isEmpty());
        scenario.publish(new ReactionAdded(community, post, null, author, member("王五"), "LIKE"))
                .andWaitForStateChange(() -> inbox(author), rows -> rows.getFirst().actorCount() == 2)
                .andVerify(rows -> {
                    assertThat(rows).hasSize(1);
                    assertThat(text(rows.getFirst())).isEqualTo("王五 等 2 人 回应了你的帖子「周末读书会」。");
                });
        store.markAllRead(author, OffsetDateTime.now(ZoneOffset.UTC));
        scenario.publish(new ReactionAdded(community, post, null, author, member("赵六"), "LIKE"))
                .andWaitForStateChange(() -> inbox(author), rows -> rows.size() == 2)
                .andVerify(rows -> {
                    assertThat(rows.getFirst().actorCount()).isEqualTo(1);
                    assertThat(rows.getFirst().readAt()).isNull();
                });
    }

    @Test
    void reactingToOnesOwnPostTellsNobody(Scenario scenario) {
        long author = member("张三");
        long post = post(author, PostKind.DISCUSSION, "周末读书会");
        scenario.publish(new ReactionAdded(community, post, null, author, author, "LIKE"))
                .andWaitForStateChange(this::delivered)
                .andVerify(done -> assertThat(inbox(author)).isEmpty());
    }

    @Test
    void anApplicationIsToldToEveryoneWhoRunsTheCommunity(Scenario scenario) {
        long owner = member("群主");
        long admin = member("管理员");
        long applicant = person("申请人");
        when(memberships.runnersOf(community)).thenReturn(List.of(owner, admin));
        scenario.publish(new ApplicationSubmitted(IDS.incrementAndGet(), community, applicant))
                .andWaitForStateChange(() -> !inbox(owner).isEmpty() && !inbox(admin).isEmpty())
                .andVerify(done -> {
                    for (long runner : List.of(owner, admin)) {
                        var row = inbox(runner).getFirst();
                        assertThat(text(row)).isEqualTo("申请人 申请加入「读书会」，等待你审核。");
                        assertThat(NotificationText.link(row)).isEqualTo("/c/" + slug + "/manage");
                    }
                    assertThat(inbox(applicant)).isEmpty();
                });
    }

    @Test
    void aFollowTellsWhoIsFollowedAndSaysWhenTheyBecameFriends(Scenario scenario) {
        long follower = person("小林");
        long followee = person("阿杰");
        scenario.publish(new Followed(follower, followee, false))
                .andWaitForStateChange(() -> inbox(followee), rows -> !rows.isEmpty())
                .andVerify(rows -> assertThat(text(rows.getFirst())).isEqualTo("小林 关注了你。"));
        scenario.publish(new Followed(followee, follower, true))
                .andWaitForStateChange(() -> inbox(follower), rows -> !rows.isEmpty())
                .andVerify(rows -> assertThat(text(rows.getFirst())).isEqualTo("阿杰 关注了你，你们现在是好友了。"));
    }

    @Test
    void leavingACommunityTakesItsNotificationsAlong(Scenario scenario) {
        long author = member("张三");
        long post = post(author, PostKind.DISCUSSION, "周末读书会");
        scenario.publish(new CommentAdded(IDS.incrementAndGet(), post, community, null, member("李四"), author))
                .andWaitForStateChange(() -> inbox(author), rows -> !rows.isEmpty());
        scenario.publish(new Followed(person("小林"), author, false))
                .andWaitForStateChange(() -> inbox(author), rows -> rows.size() == 2);
        scenario.publish(new MemberLeft(community, author, MemberLeft.Reason.LEFT))
                .andWaitForStateChange(() -> inbox(author), rows -> rows.size() == 1)
                .andVerify(rows -> assertThat(rows.getFirst().kind()).isEqualTo(NotificationKind.FOLLOWED));
    }
}
