package org.shequn.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The capacity under concurrency: registrations and cancellations at once (30 threads) never seat more than the
 * capacity, and the waitlist moves up in the order people came.
 */
@IntegrationTest
class EventConcurrencyTests {

    static final int THREADS = 30;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Test
    void manyRegisteringAtOnceFillTheSeatsExactlyAndQueueTheRest() throws Exception {
        var s = EventScene.create(mvc, jdbc, clock);
        long id = s.create("capacity", 3);
        var people = new ArrayList<Api.User>();
        for (int i = 0; i < THREADS; i++) {
            people.add(s.member("抢位" + i));
        }
        var failures = race(people.stream().map(p -> (Call) () ->
                s.api().post(p, s.base() + "/" + id + "/registration", null).andReturn().getResponse().getStatus()).toList());
        assertThat(failures).isEmpty();
        assertThat(count(id, "REGISTERED")).isEqualTo(3);
        assertThat(count(id, "WAITLISTED")).isEqualTo(THREADS - 3);
    }

    @Test
    void cancellationsAndRegistrationsAtOncePromoteTheWaitlistInOrderAndNeverExceedTheCapacity() throws Exception {
        var s = EventScene.create(mvc, jdbc, clock);
        long id = s.create("capacity", 5);
        var registration = s.base() + "/" + id + "/registration";
        var seated = new ArrayList<Api.User>();
        var waiting = new ArrayList<Api.User>();
        for (int i = 0; i < 5; i++) {
            var p = s.member("有座" + i);
            s.api().post(p, registration, null).andExpect(status().isOk());
            seated.add(p);
        }
        for (int i = 0; i < 10; i++) {
            var p = s.member("候补" + i);
            s.api().post(p, registration, null).andExpect(status().isOk());
            waiting.add(p);
        }
        var calls = new ArrayList<Call>();
        for (var p : seated) {
            calls.add(() -> s.api().delete(p, registration).andReturn().getResponse().getStatus());
        }
        for (int i = 0; i < THREADS - seated.size(); i++) {
            var p = s.member("新来" + i);
            calls.add(() -> s.api().post(p, registration, null).andReturn().getResponse().getStatus());
        }
        var failures = race(calls);
        assertThat(failures).isEmpty();
        assertThat(count(id, "REGISTERED")).isEqualTo(5);
        // the five who waited longest hold the seats; the other five still lead the waitlist, in their order
        var registered = jdbc.sql("select account_id from event_registrations where event_id = ? and state = 'REGISTERED'")
                .param(id).query(Long.class).list();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(waiting.subList(0, 5).stream().map(Api.User::id).toList());
        var queue = jdbc.sql("select account_id from event_registrations where event_id = ? and state = 'WAITLISTED' order by queued_at, id")
                .param(id).query(Long.class).list();
        assertThat(queue.subList(0, 5)).containsExactlyElementsOf(waiting.subList(5, 10).stream().map(Api.User::id).toList());
        assertThat(queue).hasSize(5 + THREADS - seated.size());
    }

    interface Call {
        int status() throws Exception;
    }

    /** Runs the calls at once; returns the answers that were not 200. */
    private List<String> race(List<Call> calls) throws Exception {
        var start = new CountDownLatch(1);
        var failures = new ConcurrentLinkedQueue<String>();
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            for (var call : calls) {
                pool.submit(() -> {
                    start.await();
                    try {
                        int code = call.status();
                        if (code != 200) {
                            failures.add(Integer.toString(code));
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                    return null;
                });
            }
            start.countDown();
        }
        return List.copyOf(failures);
    }

    private int count(long eventId, String state) {
        return jdbc.sql("select count(*) from event_registrations where event_id = ? and state = ?")
                .params(eventId, state).query(Integer.class).single();
    }
}
