/*
 * Live-update delivery benchmark (issue 3, ADR 0007): CLIENTS API event streams on one node, comments written
 * through the API at RATE per second for SECONDS, and for every comment event each client receives the time
 * from just before its POST to the event's arrival. Reports p50/p99/max over all receipts and how many
 * receipts were missed. Everything runs in this JVM, so both ends read the same System.nanoTime().
 *
 *   java bench/LiveClients.java http://127.0.0.1:18080 <slug> <postId> <token> [clients=2000] [rate=10] [seconds=60]
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    static final Pattern COMMENT = Pattern.compile("\"kind\":\"COMMENT\",\"id\":(\\d+)");

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
        // one HTTP/1.1 connection per stream, as 2,000 browsers would have; an HttpClient reads all its
        // connections on one selector thread, so the streams are spread over several clients (browsers do not
        // share one network thread either), STREAMS_PER_CLIENT each
        int perClient = Integer.parseInt(System.getenv().getOrDefault("STREAMS_PER_CLIENT", "100"));
        var streamClients = new ArrayList<HttpClient>();
        for (int i = 0; i < (clients + perClient - 1) / perClient; i++) {
            streamClients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                    .connectTimeout(Duration.ofSeconds(30)).build());
        }
        var ready = new CountDownLatch(clients);
        var failed = new AtomicInteger();
        var receipts = new ArrayList<Receipts>();
        long t0 = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            var r = new Receipts();
            receipts.add(r);
            var streams = streamClients.get(i / perClient);
            threads.submit(() -> {
                var request = HttpRequest.newBuilder(streamUri).header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream").build();
                try {
                    var response = streams.send(request, HttpResponse.BodyHandlers.ofLines());
                    if (response.statusCode() != 200) {
                        failed.incrementAndGet();
                        ready.countDown();
                        return;
                    }
                    var counted = false;
                    for (var it = response.body().iterator(); it.hasNext(); ) {
                        var line = it.next();
                        long now = System.nanoTime();
                        if (!counted && line.startsWith("event:ready")) {
                            counted = true;
                            ready.countDown();
                        } else if (line.startsWith("data:")) {
                            var m = COMMENT.matcher(line);
                            if (m.find()) {
                                synchronized (r) {
                                    r.add(Long.parseLong(m.group(1)), now);
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    ready.countDown();
                }
            });
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

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
