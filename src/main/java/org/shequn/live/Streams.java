package org.shequn.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.shequn.content.LiveContent;
import org.shequn.messaging.PrivateMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's connected clients, by community (feeds and posts) or by account (a person's private messages), and
 * the fan-out to them. The only state a node keeps in
 * memory is this list of its own streams. A message is read from the database and rendered once per
 * language, then queued to each matching client; a client's queue is drained by a small pool of platform
 * threads, one client at a time per thread, so a slow reader holds up one sender at most (and is dropped when
 * its queue overflows). Platform threads, not virtual ones: delivery must not wait for carrier threads that
 * other work pins (a class initializer loading a dictionary pinned both carriers of a 2-core node for seconds).
 */
@Component
public class Streams implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Streams.class);
    private static final int MAX_QUEUED = 256;

    private final LiveContent content;
    private final PrivateMessages privateMessages;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Duration maxStream;
    private final Duration heartbeatEvery;
    private final Map<Long, Set<Subscriber>> byCommunity = new ConcurrentHashMap<>();
    /** Personal streams: whoever is signed in hears of their own private messages, and of nothing else. */
    private final Map<Long, Set<Subscriber>> byAccount = new ConcurrentHashMap<>();

    private volatile boolean running;
    /** One thread keeps messages in order and never blocks the PostgreSQL listener. */
    private final ExecutorService dispatcher =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("shequn-live-dispatch").factory());
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("shequn-live-heartbeat").factory());
    private final ExecutorService senders;
    private volatile java.util.concurrent.ScheduledFuture<?> heartbeatTask;

    Streams(LiveContent content, PrivateMessages privateMessages, JsonMapper json, MessageSource messages,
            @Value("${shequn.live.max-stream-duration:30m}") Duration maxStream,
            @Value("${shequn.live.heartbeat:25s}") Duration heartbeatEvery,
            @Value("${shequn.live.sender-threads:8}") int senderThreads) {
        this.content = content;
        this.privateMessages = privateMessages;
        this.json = json;
        this.messages = messages;
        this.maxStream = maxStream;
        this.heartbeatEvery = heartbeatEvery;
        this.senders = Executors.newFixedThreadPool(Math.max(1, senderThreads),
                Thread.ofPlatform().daemon().name("shequn-live-send-", 0).factory());
    }

    /** An open stream, and what starts sending to it (see the web package's {@code StreamStart}). */
    public record Opened(SseEmitter emitter, Runnable start) {
    }

    /**
     * A stream for a checked watch; {@code api} streams get bare JSON events instead of HTML fragments. It is
     * registered at once, so nothing meant for it is missed, but its events wait in its queue until
     * {@link Opened#start} runs: a sender must not write to the response while the request's own thread still
     * does.
     */
    public Opened open(LiveContent.Watch watch, long accountId, Locale locale, boolean api) {
        return register(new Subscriber(watch, accountId, language(locale), api, new SseEmitter(maxStream.toMillis())),
                byCommunity.computeIfAbsent(watch.communityId(), k -> ConcurrentHashMap.newKeySet()));
    }

    /**
     * The signed-in account's own stream: its private messages, sent and received, as JSON events (the same for
     * pages and API clients: pages build the message from its text, which is never HTML).
     */
    public Opened openPersonal(long accountId) {
        return register(new Subscriber(null, accountId, Locale.SIMPLIFIED_CHINESE, true,
                        new SseEmitter(maxStream.toMillis())),
                byAccount.computeIfAbsent(accountId, k -> ConcurrentHashMap.newKeySet()));
    }

    private Opened register(Subscriber subscriber, Set<Subscriber> set) {
        var emitter = subscriber.emitter;
        set.add(subscriber);
        emitter.onCompletion(subscriber::forget);
        emitter.onError(e -> subscriber.forget());
        // a stream ends after its maximum duration; EventSource reconnects by itself
        emitter.onTimeout(subscriber::close);
        subscriber.offer(READY);
        return new Opened(emitter, subscriber::start);
    }

    void deliver(LiveMessage message) {
        try {
            dispatcher.execute(() -> {
                try {
                    dispatch(message);
                } catch (RuntimeException e) {
                    log.warn("Live updates: could not deliver {}", message, e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the node is shutting down: its streams are closing anyway
        }
    }

    /** After this node missed messages: members who left are let go, the others told to catch up. */
    void resync() {
        if (dispatcher.isShutdown()) {
            return;
        }
        dispatcher.execute(() -> {
            byCommunity.values().forEach(set -> set.forEach(s -> {
                if (!content.reads(s.watch.communityId(), s.accountId)) {
                    s.close();
                } else {
                    s.offer(RESYNC);
                }
            }));
            byAccount.values().forEach(set -> set.forEach(s -> s.offer(RESYNC)));
        });
    }

    private void dispatch(LiveMessage m) {
        if (m.kind() == LiveMessage.Kind.MESSAGE) {
            privateMessage(m.id());
            return;
        }
        var subscribers = byCommunity.get(m.communityId());
        if (subscribers == null || subscribers.isEmpty()) {
            return;
        }
        switch (m.kind()) {
            case MEMBER_LEFT -> subscribers.stream().filter(s -> s.accountId == m.id()).forEach(Subscriber::close);
            case POST -> content.post(m.communityId(), m.postId()).ifPresent(f ->
                    fanOut(subscribers, s -> s.watchesFeed(f.sectionId()), "post", m, f, null));
            case COMMENT -> content.comment(m.communityId(), m.id()).ifPresent(f -> {
                fanOut(subscribers, s -> s.watchesPost(f.postId()), "comment", m, f, null);
                commentCount(subscribers, m);
            });
            case POST_REMOVED -> fanOut(subscribers, s -> s.watchesAnyFeed() || s.watchesPost(m.postId()),
                    "post-removed", m, null, null);
            case COMMENT_REMOVED -> {
                fanOut(subscribers, s -> s.watchesPost(m.postId()), "comment-removed", m, null,
                        "live.comment.removed");
                commentCount(subscribers, m);
            }
            case POST_REACTION, COMMENT_REACTION -> {
                // pages get the counts (the same for everyone; each viewer's own "liked" mark stays as it is);
                // API streams get the bare message, and nothing when the target is not visible to every member
                var counts = content.reactionCounts(m.communityId(), m.postId(),
                        m.kind() == LiveMessage.Kind.COMMENT_REACTION ? m.id() : null, m.reaction());
                if (counts.isPresent()) {
                    fanOut(subscribers, s -> s.watchesPost(m.postId()), "reaction", m, counts.get(), null);
                }
            }
        }
    }

    /**
     * A private message goes to its two people's own streams only, read here (the broadcast carried its id): the
     * sender's other tabs show it too, and the recipient's badge counts it.
     */
    private void privateMessage(long messageId) {
        var sent = privateMessages.sent(messageId);
        if (sent.isEmpty()) {
            return;
        }
        var message = sent.get();
        for (long account : new long[] {message.senderId(), message.recipientId()}) {
            var streams = byAccount.get(account);
            if (streams == null || streams.isEmpty() || !message.between(account)) {
                continue;
            }
            var event = new LinkedHashMap<String, Object>();
            event.put("kind", LiveMessage.Kind.MESSAGE.name());
            event.put("id", message.id());
            event.put("senderId", message.senderId());
            event.put("senderName", message.senderName());
            event.put("recipientId", message.recipientId());
            event.put("otherId", account == message.senderId() ? message.recipientId() : message.senderId());
            event.put("mine", account == message.senderId());
            event.put("body", message.body());
            event.put("sentAt", message.sentAt().toString());
            event.put("unread", privateMessages.unread(account));
            var frame = Frame.of("private-message", json.writeValueAsString(event));
            streams.forEach(s -> s.offer(frame));
        }
    }

    /** The post page's "N comments" heading, to pages only (API clients count the comment events). */
    private void commentCount(Set<Subscriber> subscribers, LiveMessage m) {
        content.commentCount(m.communityId(), m.postId()).ifPresent(f ->
                fanOut(subscribers, s -> !s.api && s.watchesPost(m.postId()), "comment-count", m, f, null));
    }

    /** Renders once per language (lazily: only languages someone watching reads), then queues to each client. */
    private void fanOut(Set<Subscriber> subscribers, Predicate<Subscriber> wants, String event, LiveMessage m,
                        LiveContent.Fragment fragment, String textKey) {
        Map<Locale, Frame> pageFrames = new HashMap<>();
        Frame apiFrame = null;
        for (var s : subscribers) {
            if (!wants.test(s)) {
                continue;
            }
            Frame frame;
            if (s.api) {
                if (apiFrame == null) {
                    apiFrame = Frame.of(event, json.writeValueAsString(apiEvent(m, fragment)));
                }
                frame = apiFrame;
            } else {
                frame = pageFrames.computeIfAbsent(s.locale, locale -> Frame.of(event, json.writeValueAsString(
                        pageEvent(m, fragment, textKey == null ? null : messages.getMessage(textKey, null, textKey, locale),
                                locale))));
            }
            s.offer(frame);
        }
    }

    private static Map<String, Object> apiEvent(LiveMessage m, LiveContent.Fragment fragment) {
        var event = new LinkedHashMap<String, Object>();
        event.put("communityId", m.communityId());
        event.put("postId", m.postId());
        event.put("kind", m.kind().name());
        event.put("id", m.id());
        if (m.reaction() != null) {
            event.put("reaction", m.reaction());
        }
        if (fragment != null && fragment.parentId() != null) {
            event.put("parentId", fragment.parentId());
        }
        if (fragment != null && fragment.sectionId() != null) {
            event.put("sectionId", fragment.sectionId());
        }
        return event;
    }

    private static Map<String, Object> pageEvent(LiveMessage m, LiveContent.Fragment fragment, String text,
                                                 Locale locale) {
        var event = apiEvent(m, fragment);
        if (fragment != null) {
            event.put("html", fragment.html().apply(locale));
        }
        if (text != null) {
            event.put("text", text);
        }
        return event;
    }

    private static Locale language(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** Restartable: the test framework stops and starts cached contexts; threads end only with the bean. */
    @Override
    public void start() {
        long every = heartbeatEvery.toMillis();
        heartbeatTask = heartbeat.scheduleAtFixedRate(() -> {
            byCommunity.values().forEach(set -> set.forEach(s -> s.offer(KEEP_ALIVE)));
            byAccount.values().forEach(set -> set.forEach(s -> s.offer(KEEP_ALIVE)));
        }, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Before the web server's graceful shutdown (a later phase stops first): open streams would hold it up. */
    @Override
    public void stop() {
        running = false;
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
        }
        byCommunity.values().forEach(set -> set.forEach(Subscriber::close));
        byCommunity.clear();
        byAccount.values().forEach(set -> set.forEach(Subscriber::close));
        byAccount.clear();
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        dispatcher.shutdownNow();
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final Frame READY = Frame.text("event:ready\ndata:{}\nretry:3000\n\n");
    private static final Frame RESYNC = Frame.of("resync", "{}");
    private static final Frame KEEP_ALIVE = Frame.text(":keep-alive\n\n");

    /**
     * One server-sent event, written out once and sent as is to every client it goes to: one part, so each
     * send is one converter write and one flush (a builder per client made three parts and three writes).
     */
    private record Frame(Set<ResponseBodyEmitter.DataWithMediaType> parts) {

        static Frame of(String event, String data) {
            // a line break would end the data field; JSON has none, but the format allows data over several lines
            var lines = data.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\ndata:");
            return text("event:" + event + "\ndata:" + lines + "\n\n");
        }

        /** An event already in the stream's wire format. */
        static Frame text(String wire) {
            return new Frame(Set.of(new ResponseBodyEmitter.DataWithMediaType(wire, TEXT)));
        }
    }

    /** One connected client: what it watches (no watch: its account's own stream), in which language, and its own send queue. */
    private final class Subscriber {

        final LiveContent.Watch watch;
        final long accountId;
        final Locale locale;
        final boolean api;
        final SseEmitter emitter;
        final ConcurrentLinkedQueue<Frame> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger queued = new AtomicInteger();
        final AtomicBoolean draining = new AtomicBoolean();
        final AtomicBoolean gone = new AtomicBoolean();
        volatile boolean started;

        Subscriber(LiveContent.Watch watch, long accountId, Locale locale, boolean api, SseEmitter emitter) {
            this.watch = watch;
            this.accountId = accountId;
            this.locale = locale;
            this.api = api;
            this.emitter = emitter;
        }

        /** Feed streams: every post of the community, or of one section when narrowed. */
        boolean watchesFeed(Long sectionId) {
            return watchesAnyFeed() && (watch.sectionId() == null || watch.sectionId().equals(sectionId));
        }

        boolean watchesAnyFeed() {
            return watch.postId() == null;
        }

        /** Post streams watch their post; API streams (no post, no section) watch everything in the community. */
        boolean watchesPost(long postId) {
            return watch.postId() != null ? watch.postId() == postId : api && watch.sectionId() == null;
        }

        void offer(Frame event) {
            if (gone.get()) {
                return;
            }
            if (queued.incrementAndGet() > MAX_QUEUED) {
                close();
                return;
            }
            queue.add(event);
            if (started) {
                send();
            }
        }

        /** From now on queued events go out (offer reads the flag after queueing, so none is left behind). */
        void start() {
            started = true;
            if (!queue.isEmpty()) {
                send();
            }
        }

        private void send() {
            if (draining.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (RejectedExecutionException stopping) {
                    draining.set(false);
                }
            }
        }

        private void drain() {
            do {
                Frame event;
                while ((event = queue.poll()) != null) {
                    queued.decrementAndGet();
                    try {
                        emitter.send(event.parts());
                    } catch (IOException | IllegalStateException e) {
                        // the client went away; the container completes the request
                        gone();
                        return;
                    } catch (RuntimeException e) {
                        log.warn("Live updates: dropping a stream that failed to send", e);
                        close();
                        gone();
                        return;
                    }
                }
                draining.set(false);
            } while (!queue.isEmpty() && draining.compareAndSet(false, true));
        }

        private void gone() {
            forget();
            queue.clear();
            draining.set(false);
        }

        void close() {
            forget();
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        }

        void forget() {
            if (gone.compareAndSet(false, true)) {
                var set = watch == null ? byAccount.get(accountId) : byCommunity.get(watch.communityId());
                if (set != null) {
                    set.remove(this);
                }
            }
        }
    }
}
