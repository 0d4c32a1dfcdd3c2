package org.shequn.event;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.shequn.Api;
import org.shequn.Members;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the event tests share: a community with one account per role, events made through the API by its owner,
 * and the times they name (local date-times in Asia/Shanghai, from the application's clock).
 */
record EventScene(Api api, MockMvc mvc, JdbcClient jdbc, TestClock clock, TestCommunity community, TestCommunity.Cast cast) {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static EventScene create(MockMvc mvc, JdbcClient jdbc, TestClock clock) throws Exception {
        var api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "event-");
        return new EventScene(api, mvc, jdbc, clock, community, community.cast());
    }

    String base() {
        return community.base() + "/events";
    }

    String pages() {
        return "/c/" + community.slug() + "/events";
    }

    /** Local time in Shanghai, {@code from} now, to the minute. */
    String in(Duration from) {
        return LOCAL.format(LocalDateTime.ofInstant(clock.instant().plus(from), SHANGHAI));
    }

    /** An offline event two days from now, 2 hours long, with these fields changed. */
    Map<String, Object> draft(Object... changes) {
        var draft = new HashMap<String, Object>(Map.of("title", "周六读书会", "description", "一起读 **置身事内** 这本书。",
                "kind", "OFFLINE", "start", in(Duration.ofDays(2)), "end", in(Duration.ofDays(2).plusHours(2)),
                "zone", "Asia/Shanghai", "place", "上海市徐汇区某咖啡馆", "mapUrl", "https://uri.amap.com/marker?position=121.4,31.2"));
        for (int i = 0; i < changes.length; i += 2) {
            draft.put((String) changes[i], changes[i + 1]);
        }
        return draft;
    }

    long create(Object... changes) throws Exception {
        return Api.body(api.post(cast.owner(), base(), draft(changes)).andExpect(status().isCreated())).get("id").asLong();
    }

    Api.User member(String name) {
        return community.seat(name, "MEMBER");
    }

    /** A member signed in on the pages, with their account id. */
    record Browser(WebSession web, long id) {
    }

    Browser browser(String name, String role) throws Exception {
        var web = new WebSession(mvc);
        var email = web.register(name);
        long id = jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
        Members.add(jdbc, community.id(), id, role);
        return new Browser(web, id);
    }

    String state(long eventId, long accountId) {
        return jdbc.sql("select state from event_registrations where event_id = ? and account_id = ?")
                .params(eventId, accountId).query(String.class).optional().orElse(null);
    }

    String ticket(long eventId, long accountId) {
        return jdbc.sql("select ticket from event_registrations where event_id = ? and account_id = ?")
                .params(eventId, accountId).query(String.class).single();
    }

    int notifications(long accountId, String kind) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and kind = ?").params(accountId, kind)
                .query(Integer.class).single();
    }
}
