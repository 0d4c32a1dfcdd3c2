package org.shequn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Calls made at the same moment, for races (two deliveries of one notification, a flash sale): each waits at one gate
 * on its own thread until all are ready. Their results come back in the calls' order; the first failure is thrown.
 */
public final class AtOnce {

    private AtOnce() {
    }

    /** {@code times} calls, the {@code i}-th made by {@code call.apply(i)}, each on its own thread. */
    public static <T> List<T> call(int times, IntFunction<Callable<T>> call) throws Exception {
        return call(times, times, call);
    }

    /** {@code times} calls on {@code threads} threads (the rest start as the first ones finish). */
    public static <T> List<T> call(int threads, int times, IntFunction<Callable<T>> call) throws Exception {
        var calls = new ArrayList<Callable<T>>();
        for (int i = 0; i < times; i++) {
            calls.add(call.apply(i));
        }
        return call(threads, calls);
    }

    /** These calls, each on its own thread. */
    public static <T> List<T> call(List<Callable<T>> calls) throws Exception {
        return call(calls.size(), calls);
    }

    private static <T> List<T> call(int threads, List<Callable<T>> calls) throws Exception {
        var gate = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = calls.stream().map(c -> pool.submit(() -> {
                gate.await();
                return c.call();
            })).toList();
            gate.countDown();
            var results = new ArrayList<T>();
            for (var f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
