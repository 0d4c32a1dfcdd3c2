/*
 * Live-update delivery benchmark (issue 3, ADR 0007): CLIENTS API event streams on one node, comments written
 * through the API at RATE per second for SECONDS, and for every comment event each client receives the time
 * from just before its POST to the event's arrival. Reports p50/p99/max over all receipts and how many
 * receipts were missed, and where the time went (the write until its 201, until the first client had the
 * event, and from the first client to the last). Everything runs in this JVM, so both ends read the same
 * System.nanoTime(). The streams are read as raw bytes on one selector thread per core.
 *
 *   java bench/LiveClients.java http://127.0.0.1:18080 <slug> <postId> <token> [clients=2000] [rate=10] [seconds=60]
 */
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

public class LiveClients {

    /** What one client received: comment id and arrival time, appended by its own reader thread only. */
    static final class Receipts {
        long[] ids = new long[1024];
        long[] at = new long[1024];
        int n;

        void add(long id, long nanos) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                at = Arrays.copyOf(at, n * 2);
            }
            ids[n] = id;
            at[n++] = nanos;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0], slug = args[1], token = args[3];
        long postId = Long.parseLong(args[2]);
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 10;
        int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 60;

        var streamUri = URI.create(base + "/api/v1/communities/" + slug + "/live");
        var commentUri = URI.create(base + "/api/v1/communities/" + slug + "/posts/" + postId + "/comments");
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        var ready = new CountDownLatch(clients);
        var failed = new AtomicInteger();
        var receipts = new ArrayList<Receipts>();
        // one HTTP/1.1 connection per stream, as 2,000 browsers would have, read by one selector thread per
        // core: a stream costs this JVM no thread and no objects per event, so what is measured is the server
        // (and the shared cores), not a client library waking 2,000 threads per message
        var host = streamUri.getHost();
        int port = streamUri.getPort();
        var get = ("GET " + streamUri.getRawPath() + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAuthorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        var readers = new ArrayList<StreamReader>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            var reader = new StreamReader(ready, failed);
            readers.add(reader);
            Thread.ofPlatform().daemon().name("stream-reader-" + i).start(reader);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            var r = new Receipts();
            receipts.add(r);
            readers.get(i % readers.size()).open(new InetSocketAddress(host, port), get, r);
            if (i % 100 == 99) {
                Thread.sleep(50); // do not open 2,000 connections in the same millisecond
            }
        }
        if (!ready.await(180, TimeUnit.SECONDS)) {
            System.out.printf("only %d of %d streams ready after 180 s%n", clients - ready.getCount(), clients);
        }
        System.out.printf("%d streams open in %.1f s (%d failed)%n", clients - failed.get(),
                (System.nanoTime() - t0) / 1e9, failed.get());

        var writer = HttpClient.newBuilder().executor(threads).build();
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
        var writeErrors = new AtomicInteger();
        var writes = new ArrayList<java.util.concurrent.Future<?>>();
        long periodNanos = (long) (1e9 / rate);
        // the first WARMUP_SECONDS of writes (10 by default) are not measured: like every endpoint content.sh
        // measures, the write and fan-out paths run warm (a cold JIT made the first comments take a second,
        // and with 2,000 receipts each, three slow comments are the whole 99th percentile)
        int warmup = (int) (rate * Integer.parseInt(System.getenv().getOrDefault("WARMUP_SECONDS", "10")));
        long warmStart = System.nanoTime();
        for (int i = 0; i < warmup; i++) {
            long wait = warmStart + i * periodNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            var body = "{\"body\":\"直播预热评论 " + i + "\"}";
            writes.add(threads.submit(() -> writer.send(HttpRequest.newBuilder(commentUri)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())));
        }
        for (var w : writes) {
            w.get();
        }
        writes.clear();
        long start = System.nanoTime();
        int total = (int) (rate * seconds);
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int n = i;
            writes.add(threads.submit(() -> {
                var body = "{\"body\":\"直播压测评论 " + n + "：社群运营的第一步是想清楚为谁服务。\"}";
                var request = HttpRequest.newBuilder(commentUri).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long before = System.nanoTime();
                try {
                    var response = writer.send(request, HttpResponse.BodyHandlers.discarding());
                    var id = response.headers().firstValue("X-Comment-Id");
                    if (response.statusCode() == 201 && id.isPresent()) {
                        sentAt.put(Long.parseLong(id.get()), before);
                        answeredAt.put(Long.parseLong(id.get()), System.nanoTime());
                    } else {
                        writeErrors.incrementAndGet();
                    }
                } catch (Exception e) {
                    writeErrors.incrementAndGet();
                }
            }));
        }
        for (var w : writes) {
            w.get();
        }
        double achieved = sentAt.size() / ((System.nanoTime() - start) / 1e9);
        Thread.sleep(5_000); // let the last events arrive

        var latencies = new long[0];
        int count = 0;
        List<long[]> parts = new ArrayList<>();
        // per comment: when its first and last receipt arrived (how long one fan-out to every client took)
        Map<Long, long[]> spread = new java.util.HashMap<>();
        for (var r : receipts) {
            synchronized (r) {
                var part = new long[r.n];
                int k = 0;
                for (int j = 0; j < r.n; j++) {
                    Long sent = sentAt.get(r.ids[j]);
                    if (sent != null) {
                        part[k++] = r.at[j] - sent;
                        var fl = spread.computeIfAbsent(r.ids[j], x -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                        fl[0] = Math.min(fl[0], r.at[j]);
                        fl[1] = Math.max(fl[1], r.at[j]);
                    }
                }
                parts.add(Arrays.copyOf(part, k));
                count += k;
            }
        }
        latencies = new long[count];
        int off = 0;
        for (var p : parts) {
            System.arraycopy(p, 0, latencies, off, p.length);
            off += p.length;
        }
        Arrays.sort(latencies);
        long expected = (long) sentAt.size() * (clients - failed.get());
        System.out.printf("comments written: %d (%.1f/s, %d errors); receipts: %d of %d expected (%.2f%% missed)%n",
                sentAt.size(), achieved, writeErrors.get(), count, expected,
                expected == 0 ? 0 : 100.0 * (expected - count) / expected);
        if (count > 0) {
            System.out.printf("write->receipt latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                    pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies[count - 1] / 1e6);
            // where the time goes: the write itself (POST until its 201), the write until the first client has
            // the event, and the first client until the last
            var post = sentAt.keySet().stream().filter(answeredAt::containsKey)
                    .mapToLong(id -> answeredAt.get(id) - sentAt.get(id)).sorted().toArray();
            var first = spread.entrySet().stream().mapToLong(e -> e.getValue()[0] - sentAt.get(e.getKey())).sorted().toArray();
            var fanOut = spread.values().stream().mapToLong(fl -> fl[1] - fl[0]).sorted().toArray();
            System.out.printf("  POST until 201 ms: p50 %.1f  p99 %.1f  max %.1f%n", pct(post, 50), pct(post, 99),
                    post[post.length - 1] / 1e6);
            System.out.printf("  write until first receipt ms: p50 %.1f  p99 %.1f  max %.1f%n", pct(first, 50),
                    pct(first, 99), first[first.length - 1] / 1e6);
            System.out.printf("  first until last receipt of a comment ms: p50 %.1f  p99 %.1f  max %.1f%n",
                    pct(fanOut, 50), pct(fanOut, 99), fanOut[fanOut.length - 1] / 1e6);
        }
        System.exit(0);
    }

    /** Reads its streams on one thread: finds "event:ready" and each comment id in the raw bytes. */
    static final class StreamReader implements Runnable {

        static final Pattern READY = Pattern.compile("event:ready");
        static final Pattern COMMENT_ID = Pattern.compile("\"kind\":\"COMMENT\",\"id\":(\\d+)\\D");
        /** Kept from one read to the next, so a marker split between two reads is still found (once). */
        static final int CARRY = 64;

        final Selector selector;
        final java.util.Queue<Stream> opening = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final CountDownLatch ready;
        final AtomicInteger failed;

        StreamReader(CountDownLatch ready, AtomicInteger failed) throws java.io.IOException {
            this.selector = Selector.open();
            this.ready = ready;
            this.failed = failed;
        }

        static final class Stream {
            final SocketChannel channel;
            final byte[] request;
            final Receipts receipts;
            String carry = "";
            boolean answered;
            boolean counted;

            Stream(SocketChannel channel, byte[] request, Receipts receipts) {
                this.channel = channel;
                this.request = request;
                this.receipts = receipts;
            }
        }

        void open(InetSocketAddress address, byte[] request, Receipts receipts) throws java.io.IOException {
            var channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(address);
            opening.add(new Stream(channel, request, receipts));
            selector.wakeup();
        }

        @Override
        public void run() {
            var buffer = java.nio.ByteBuffer.allocate(256 * 1024);
            try {
                while (true) {
                    selector.select();
                    for (Stream s; (s = opening.poll()) != null; ) {
                        s.channel.register(selector, SelectionKey.OP_CONNECT, s);
                    }
                    for (var key : selector.selectedKeys()) {
                        var s = (Stream) key.attachment();
                        try {
                            if (key.isConnectable()) {
                                s.channel.finishConnect();
                                var out = java.nio.ByteBuffer.wrap(s.request);
                                while (out.hasRemaining()) {
                                    s.channel.write(out);
                                }
                                key.interestOps(SelectionKey.OP_READ);
                            } else if (key.isReadable()) {
                                buffer.clear();
                                int n = s.channel.read(buffer);
                                long now = System.nanoTime();
                                if (n < 0) {
                                    throw new java.io.EOFException("stream closed");
                                }
                                read(s, new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1), now);
                            }
                        } catch (java.io.IOException e) {
                            key.cancel();
                            s.channel.close();
                            if (!s.counted) {
                                s.counted = true;
                                failed.incrementAndGet();
                                ready.countDown();
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void read(Stream s, String chunk, long now) throws java.io.IOException {
            if (!s.answered) {
                s.answered = true;
                if (!chunk.startsWith("HTTP/1.1 200")) {
                    throw new java.io.IOException("refused: " + chunk.lines().findFirst().orElse(""));
                }
            }
            var text = s.carry + chunk;
            int fresh = s.carry.length();
            if (!s.counted && READY.matcher(text).find()) {
                s.counted = true;
                ready.countDown();
            }
            var m = COMMENT_ID.matcher(text);
            while (m.find()) {
                if (m.end() > fresh) {
                    synchronized (s.receipts) {
                        s.receipts.add(Long.parseLong(m.group(1)), now);
                    }
                }
            }
            s.carry = text.length() <= CARRY ? text : text.substring(text.length() - CARRY);
        }
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
