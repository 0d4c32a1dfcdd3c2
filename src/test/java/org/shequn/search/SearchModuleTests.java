package org.shequn.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.TestDatabase;
import org.shequn.community.Communities;
import org.shequn.content.CommentAdded;
import org.shequn.content.CommentRemoved;
import org.shequn.moderation.ModerationDecided;
import org.shequn.content.PostEdited;
import org.shequn.content.PostKind;
import org.shequn.content.PostPublished;
import org.shequn.content.PostRemoved;
import org.shequn.content.Posts;
import org.shequn.identity.Accounts;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.Memberships;
import org.shequn.shared.jdbc.Database;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search module alone: content events go in, the index is read back through the module's own store. The
 * content module is a stand-in that answers what a post's or comment's current text is, which is all the indexer
 * asks; ids are made up (the index has no foreign keys). The scheduled rebuild is kept out of the way: with a
 * stand-in content module it would walk no posts and mark the shared test database's rebuild finished.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = {"spring.modulith.events.republish-outstanding-events-on-restart=false",
        "shequn.search.rebuild-delay=PT100000H"})
class SearchModuleTests {

    private static final AtomicLong IDS = new AtomicLong(8_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private static final SearchStore.Filter ANYTHING = new SearchStore.Filter(null, null, null, null, null, null);

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @MockitoBean
    Posts posts;
    @MockitoBean
    Communities communities;
    @MockitoBean
    CommunityGate gate;
    @MockitoBean
    Accounts accounts;
    @MockitoBean
    Memberships memberships;
    /** The slice holds the module's own beans only, and shared's Database is a component of its own module. */
    @MockitoBean
    Database database;

    @Autowired
    SearchStore store;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    private final long community = IDS.incrementAndGet();
    private final long author = IDS.incrementAndGet();

    @BeforeEach
    void sameDatabaseAsTheRun() {
        when(database.postgres()).thenReturn(TestDatabase.postgres());
    }

    private long post(String title, String body) {
        long id = IDS.incrementAndGet();
        text(id, title, body);
        return id;
    }

    private void text(long post, String title, String body) {
        when(posts.postText(post)).thenReturn(Optional.of(new Posts.Text(post, community, post, null, author, "DISCUSSION",
                title, body, OffsetDateTime.now(ZoneOffset.UTC))));
    }

    private long comment(long post, String body) {
        long id = IDS.incrementAndGet();
        when(posts.commentText(community, id)).thenReturn(Optional.of(new Posts.Text(id, community, post, null, author,
                "DISCUSSION", "", body, OffsetDateTime.now(ZoneOffset.UTC))));
        return id;
    }

    private void gone(long post) {
        when(posts.postText(post)).thenReturn(Optional.empty());
    }

    /** Ids of what a search for {@code query} finds in this test's community, post or comment. */
    private List<Long> found(String kind, String query) {
        return store.search(List.of(community), ChineseTokenizer.queryTerms(query), 1, ANYTHING, 0, 20).stream()
                .filter(hit -> hit.kind().equals(kind)).map(SearchStore.Hit::refId).toList();
    }

    private List<Long> posts(String query) {
        return found(SearchIndexer.POST, query);
    }

    private List<Long> comments(String query) {
        return found(SearchIndexer.COMMENT, query);
    }

    private ModerationDecided decided(ModerationDecided.Action action, long post) {
        return new ModerationDecided(IDS.incrementAndGet(), community, author, 9, action, post, null, null, null);
    }

    private PostPublished published(long post) {
        return new PostPublished(post, community, null, author, PostKind.DISCUSSION);
    }

    @Test
    void aPublishedPostIsFoundByTheWordsOfItsTitleAndBody(Scenario scenario) {
        long post = post("周末读书会", "这周一起读《红楼梦》的前五回。");
        scenario.publish(published(post))
                .andWaitForStateChange(() -> posts("红楼梦"), hits -> !hits.isEmpty())
                .andVerify(hits -> {
                    assertThat(hits).containsExactly(post);
                    assertThat(posts("读书会")).containsExactly(post);
                    assertThat(posts("天气")).isEmpty();
                });
    }

    @Test
    void traditionalCharactersAreFoundBySimplifiedOnes(Scenario scenario) {
        long post = post("", "社群對于新媒體運營來說是神一般的存在");
        scenario.publish(published(post))
                .andWaitForStateChange(() -> posts("运营"), hits -> !hits.isEmpty())
                .andVerify(hits -> assertThat(posts("新媒体")).containsExactly(post));
    }

    @Test
    void anEditIsIndexedFromThePostsCurrentText(Scenario scenario) {
        long post = post("", "春天去爬山");
        scenario.publish(published(post)).andWaitForStateChange(() -> posts("爬山"), hits -> !hits.isEmpty());
        text(post, "", "改成秋天去露营");
        scenario.publish(new PostEdited(post, community, author))
                .andWaitForStateChange(() -> posts("露营"), hits -> !hits.isEmpty())
                .andVerify(hits -> assertThat(posts("爬山")).isEmpty());
    }

    @Test
    void aNewCommentIsIndexedInsideTheTransactionThatWritesIt() {
        long post = post("", "帖子正文");
        long comment = comment(post, "我推荐夜跑路线");
        var inside = transactions.execute(status -> {
            events.publishEvent(new CommentAdded(comment, post, community, null, author, author));
            return comments("夜跑");
        });
        assertThat(inside).containsExactly(comment);
        // and it rolls back with the comment
        transactions.executeWithoutResult(status -> {
            long rolledBack = comment(post, "这条评论提到露营装备");
            events.publishEvent(new CommentAdded(rolledBack, post, community, null, author, author));
            status.setRollbackOnly();
        });
        assertThat(comments("露营装备")).isEmpty();
    }

    @Test
    void aRemovedCommentIsNoLongerFound(Scenario scenario) {
        long post = post("", "帖子正文");
        long comment = comment(post, "周六的徒步取消了");
        transactions.executeWithoutResult(status ->
                events.publishEvent(new CommentAdded(comment, post, community, null, author, author)));
        assertThat(comments("徒步")).containsExactly(comment);
        scenario.publish(new CommentRemoved(comment, post, community, author, author, true))
                .andWaitForStateChange(() -> comments("徒步").isEmpty());
    }

    @Test
    void aRemovedPostTakesItsCommentsOutOfTheIndex(Scenario scenario) {
        long post = post("读书笔记", "第一章的笔记");
        long comment = comment(post, "第一章的笔记写得真好");
        scenario.publish(published(post)).andWaitForStateChange(() -> posts("笔记"), hits -> !hits.isEmpty());
        transactions.executeWithoutResult(status ->
                events.publishEvent(new CommentAdded(comment, post, community, null, author, author)));
        assertThat(comments("笔记")).containsExactly(comment);
        gone(post);
        scenario.publish(new PostRemoved(post, community, author, author))
                .andWaitForStateChange(() -> posts("笔记").isEmpty() && comments("笔记").isEmpty());
    }

    @Test
    void aLateEditOfADeletedPostRemovesItInsteadOfIndexingIt(Scenario scenario) {
        long post = post("", "一篇后来删掉的帖子讲摄影");
        scenario.publish(published(post)).andWaitForStateChange(() -> posts("摄影"), hits -> !hits.isEmpty());
        gone(post);
        scenario.publish(new PostEdited(post, community, author))
                .andWaitForStateChange(() -> posts("摄影").isEmpty());
    }

    @Test
    void aHiddenPostLeavesTheIndexAndComesBackWithItsCommentsWhenRestored(Scenario scenario) {
        long post = post("", "关于咖啡豆的讨论");
        long comment = comment(post, "我喜欢云南咖啡豆");
        when(posts.commentIdsOf(post)).thenReturn(List.of(comment));
        scenario.publish(published(post)).andWaitForStateChange(() -> posts("咖啡豆"), hits -> !hits.isEmpty());
        transactions.executeWithoutResult(status ->
                events.publishEvent(new CommentAdded(comment, post, community, null, author, author)));

        // hidden: the content module no longer gives its text, for the post nor (its post being hidden) the comment
        var text = posts.postText(post);
        var commentText = posts.commentText(community, comment);
        gone(post);
        when(posts.commentText(community, comment)).thenReturn(Optional.empty());
        scenario.publish(decided(ModerationDecided.Action.POST_HIDDEN, post))
                .andWaitForStateChange(() -> posts("咖啡豆").isEmpty() && comments("咖啡豆").isEmpty());

        when(posts.postText(post)).thenReturn(text);
        when(posts.commentText(community, comment)).thenReturn(commentText);
        scenario.publish(decided(ModerationDecided.Action.POST_RESTORED, post))
                .andWaitForStateChange(() -> !posts("咖啡豆").isEmpty() && !comments("咖啡豆").isEmpty())
                .andVerify(back -> {
                    assertThat(posts("咖啡豆")).containsExactly(post);
                    assertThat(comments("咖啡豆")).containsExactly(comment);
                });
    }

    @Test
    void aMuteIsHeardWithoutTouchingTheIndex(Scenario scenario) {
        long post = post("", "关于茶叶的讨论");
        scenario.publish(published(post)).andWaitForStateChange(() -> posts("茶叶"), hits -> !hits.isEmpty());
        gone(post);
        // a mute names no content: even though the stand-in no longer gives the post's text, nothing is re-read
        scenario.publish(new ModerationDecided(IDS.incrementAndGet(), community, author, 9, ModerationDecided.Action.MUTED,
                        null, null, null, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)))
                .andWaitForStateChange(this::delivered)
                .andVerify(done -> assertThat(posts("茶叶")).containsExactly(post));
    }

    /** Every event about this test's community went through its listeners (a delivered publication is deleted). */
    private boolean delivered() {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%\"communityId\":" + community + "%").query(Integer.class).single() == 0;
    }
}
