package org.shequn.search;

import java.time.Clock;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shequn.content.Posts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every post and comment into the index of the current analyzer: those written before the index
 * existed, and those an older analyzer wrote. Walks the posts in id order a batch at a time, on one node
 * (ShedLock), remembering its place in the database so a restart or another node carries on. Once the walk
 * is finished the events keep the index current and the job does nothing.
 */
@Component
class SearchRebuild {

    private static final Logger log = LoggerFactory.getLogger(SearchRebuild.class);
    static final int BATCH = 200;

    private final SearchStore store;
    private final SearchIndexer indexer;
    private final Posts posts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SearchRebuild(SearchStore store, SearchIndexer indexer, Posts posts, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.indexer = indexer;
        this.posts = posts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shequn.search.rebuild-every:PT10S}", initialDelayString = "${shequn.search.rebuild-delay:PT30S}")
    @SchedulerLock(name = "search-rebuild", lockAtMostFor = "PT10M")
    void run() {
        try {
            while (step(BATCH)) {
                // keep going while there is work: the lock is ours until the walk ends or fails
            }
        } catch (RuntimeException e) {
            log.warn("Search rebuild stopped; it resumes from its last position: {}", e.getMessage());
        }
    }

    /** Re-indexes the next batch of posts (with their comments); true while more may remain. */
    boolean step(int batch) {
        var state = transactions.execute(s -> store.rebuild());
        if (state == null || state.finished()) {
            return false;
        }
        var ids = posts.postIdsAfter(state.lastPostId(), batch);
        for (long postId : ids) {
            transactions.executeWithoutResult(s -> {
                store.lockPost(postId);
                if (!store.current(SearchIndexer.POST, postId) || posts.commentIdsOf(postId).stream()
                        .anyMatch(c -> !store.current(SearchIndexer.COMMENT, c))) {
                    indexer.reindexPost(postId);
                }
            });
        }
        boolean done = ids.size() < batch;
        long last = ids.isEmpty() ? state.lastPostId() : ids.getLast();
        transactions.executeWithoutResult(s -> store.advanceRebuild(last, done ? OffsetDateTime.now(clock) : null));
        if (done) {
            log.info("Search index rebuilt for analyzer version {}", ChineseTokenizer.VERSION);
        }
        return !done;
    }
}
