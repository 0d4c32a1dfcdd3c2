package org.shequn.live;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several nodes sharing a Redis: {@code PUBLISH} on one channel, {@code SUBSCRIBE} on every node (Lettuce,
 * through Spring Data Redis's listener container, which re-subscribes after a dropped connection). The
 * channel's name starts with a configurable prefix, so installations (or test runs) sharing one Redis do not
 * hear each other. As with PostgreSQL, a message published while a node is away is lost to its clients; when
 * it subscribes again its pages are told to catch up.
 */
final class RedisBroadcast implements Broadcast, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisBroadcast.class);

    private final JsonMapper json;
    private final Streams streams;
    private final String channel;
    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    /** Subscriptions since the last start: any after the first follow a lost connection. */
    private final AtomicInteger subscriptions = new AtomicInteger();
    private volatile boolean running;

    RedisBroadcast(RedisConnectionFactory connections, JsonMapper json, Streams streams, String channelPrefix) {
        this.json = json;
        this.streams = streams;
        this.channel = channelPrefix + "live";
        this.redis = new StringRedisTemplate(connections);
        container.setConnectionFactory(connections);
        // Streams.deliver only queues for its dispatcher thread: calling it on the receiving thread keeps the
        // messages in order (the container's default would start a thread per message)
        container.setTaskExecutor(Runnable::run);
        var backoff = new ExponentialBackOff(250, 2);
        backoff.setMaxInterval(5_000);
        container.setRecoveryBackoff(backoff);
        container.addMessageListener(new Listener(), new ChannelTopic(channel));
        container.afterPropertiesSet();
    }

    String channel() {
        return channel;
    }

    /**
     * Published at once, inside the listener's transaction: the item it names was committed by its writer
     * before the listener ran. Should Redis be unreachable, the listener fails and the outbox retries it.
     */
    @Override
    public void send(LiveMessage message) {
        var payload = message.toJson(json);
        AfterCommit.run(() -> redis.convertAndSend(channel, payload));
    }

    @Override
    public void start() {
        subscriptions.set(0);
        running = true;
        try {
            // subscribed before the node takes requests (the container waits for the confirmation)
            container.start();
        } catch (RuntimeException e) {
            log.warn("Live updates: cannot subscribe to Redis channel {} yet ({}); retrying in the background",
                    channel, e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Listening before the web server takes requests, and until it has stopped (as PostgresBroadcast). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void destroy() throws Exception {
        container.destroy();
    }

    private final class Listener implements MessageListener, SubscriptionListener {

        @Override
        public void onMessage(Message message, byte[] pattern) {
            var parsed = LiveMessage.parse(json, new String(message.getBody(), StandardCharsets.UTF_8));
            if (parsed != null) {
                streams.deliver(parsed);
            }
        }

        @Override
        public void onChannelSubscribed(byte[] subscribed, long count) {
            if (subscriptions.incrementAndGet() > 1) {
                log.info("Live updates: subscribed to Redis channel {} again", channel);
                // what was published while we were away is lost: tell the pages to catch up
                streams.resync();
            }
        }
    }
}
