package org.shequn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shequn.RedisAvailability;

/**
 * The two-node tests again, the nodes talking through Redis pub/sub (see {@link RedisAvailability} for which
 * Redis, and what happens when none answers) on a channel prefix of their own, so parallel runs do not hear
 * each other. PostgreSQL run only, like the PostgreSQL transport's tests: the nodes share a database.
 */
@ExtendWith(RedisAvailability.class)
class RedisTwoNodeLiveTests extends TwoNodeLiveTests {

    private static final String PREFIX = "shequn-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";

    @Override
    List<String> transport() {
        return List.of("--shequn.live.transport=redis", "--spring.data.redis.host=" + RedisAvailability.HOST,
                "--spring.data.redis.port=" + RedisAvailability.PORT, "--shequn.live.redis.channel-prefix=" + PREFIX);
    }

    @Override
    boolean listensOnPostgres() {
        return false;
    }

    @Test
    void theNodesListenOnTheirOwnRedisChannelNotOnPostgres() {
        assertThat(listeners()).isZero();
        for (var node : List.of(a(), b())) {
            var broadcast = node.getBean(Broadcast.class);
            assertThat(broadcast).isInstanceOf(RedisBroadcast.class);
            assertThat(((RedisBroadcast) broadcast).channel()).isEqualTo(PREFIX + "live");
        }
    }

    /** Test contexts are stopped and started again: the subscription must come back with a restart. */
    @Test
    void aRestartedSubscriptionKeepsDelivering() throws Exception {
        var c = community();
        long post = post(c.owner(), c.slug(), "重启订阅");
        var broadcast = (RedisBroadcast) b().getBean(Broadcast.class);
        broadcast.stop();
        broadcast.start();
        assertThat(broadcast.isRunning()).isTrue();
        var stream = stream(b(), "/c/" + c.slug() + "/posts/" + post + "/live", c.member());

        long comment = comment(c.other(), c.slug(), post, "重启之后的评论");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(String.join("\n", stream))
                .contains("comment-" + comment).contains("重启之后的评论"));
    }
}
