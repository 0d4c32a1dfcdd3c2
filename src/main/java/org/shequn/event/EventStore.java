package org.shequn.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Events, their registrations, helpers, reminders sent, calendar feed secrets and feedback. */
@Repository
class EventStore {

    record EventRow(long id, long communityId, String title, String description, EventKind kind, String zone,
                    LocalDateTime startsLocal, LocalDateTime endsLocal, OffsetDateTime startsAt, OffsetDateTime endsAt,
                    String place, String mapUrl, String onlineUrl, OffsetDateTime linkReleasedAt, Long speakerId,
                    Integer capacity, boolean approval, List<String> questions, int cancelHours, long createdBy,
                    OffsetDateTime createdAt, OffsetDateTime editedAt, OffsetDateTime cancelledAt, Long subgroupId) {

        /** The whole community's, or one sub-group's (seen by its members and the runners, run by its leader too). */
        org.shequn.membership.Scope scope() {
            return org.shequn.membership.Scope.of(subgroupId);
        }

        boolean cancelled() {
            return cancelledAt != null;
        }

        boolean ended(OffsetDateTime now) {
            return !endsAt.isAfter(now);
        }

        /** Guests may cancel until {@code cancelHours} before the start. */
        OffsetDateTime cancelUntil() {
            return startsAt.minusHours(cancelHours);
        }
    }

    record RegistrationRow(long id, long eventId, long communityId, long accountId, RegistrationState state,
                           List<String> answers, String ticket, OffsetDateTime registeredAt, OffsetDateTime queuedAt,
                           OffsetDateTime promotedAt, OffsetDateTime cancelledAt, OffsetDateTime checkedInAt,
                           Long checkedInBy) {
    }

    /** The event's fields as written: one record for insert and update. */
    record Fields(String title, String description, EventKind kind, String zone, LocalDateTime startsLocal,
                  LocalDateTime endsLocal, OffsetDateTime startsAt, OffsetDateTime endsAt, String place, String mapUrl,
                  String onlineUrl, OffsetDateTime linkReleasedAt, Long speakerId, Integer capacity, boolean approval,
                  List<String> questions, int cancelHours) {
    }

    record PhotoRow(long id, long accountId, String fileKey, OffsetDateTime createdAt) {
    }

    record Feedback(long accountId, int rating, String comment, OffsetDateTime createdAt) {
    }

    private static final String EVENT_COLUMNS = """
            id, community_id, title, description, kind, zone, starts_local, ends_local, starts_at, ends_at, place, \
            map_url, online_url, link_released_at, speaker_id, capacity, approval, questions, cancel_hours, created_by, \
            created_at, edited_at, cancelled_at, subgroup_id""";
    private static final String REGISTRATION_COLUMNS = """
            id, event_id, community_id, account_id, state, answers, ticket, registered_at, queued_at, promoted_at, \
            cancelled_at, checked_in_at, checked_in_by""";
    static final int LIST_MAX = 100;

    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, Fields f, long by, OffsetDateTime now, Long subgroupId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into events (community_id, title, description, kind, zone, starts_local, ends_local, starts_at,
                    ends_at, place, map_url, online_url, link_released_at, speaker_id, capacity, approval, questions,
                    cancel_hours, created_by, created_at, subgroup_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, f.title(), f.description(), f.kind().name(), f.zone(), f.startsLocal(),
                        f.endsLocal(), f.startsAt(), f.endsAt(), f.place(), f.mapUrl(), f.onlineUrl(),
                        f.linkReleasedAt(), f.speakerId(), f.capacity(), f.approval(), lines(f.questions()),
                        f.cancelHours(), by, now, subgroupId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, Fields f, OffsetDateTime now) {
        jdbc.sql("""
                update events set title = ?, description = ?, kind = ?, zone = ?, starts_local = ?, ends_local = ?,
                    starts_at = ?, ends_at = ?, place = ?, map_url = ?, online_url = ?, link_released_at = ?,
                    speaker_id = ?, capacity = ?, approval = ?, questions = ?, cancel_hours = ?, edited_at = ?
                where id = ?""")
                .params(f.title(), f.description(), f.kind().name(), f.zone(), f.startsLocal(), f.endsLocal(),
                        f.startsAt(), f.endsAt(), f.place(), f.mapUrl(), f.onlineUrl(), f.linkReleasedAt(),
                        f.speakerId(), f.capacity(), f.approval(), lines(f.questions()), f.cancelHours(), now, id)
                .update();
    }

    /** 1 when cancelled now, 0 when it was already. */
    int cancel(long id, long by, OffsetDateTime now) {
        return jdbc.sql("update events set cancelled_at = ?, cancelled_by = ? where id = ? and cancelled_at is null")
                .params(now, by, id).update();
    }

    Optional<EventRow> byId(long communityId, long id) {
        return jdbc.sql("select " + EVENT_COLUMNS + " from events where community_id = ? and id = ?")
                .params(communityId, id).query(EventStore::event).optional();
    }

    /**
     * The event's row, locked until the transaction ends: every change to who holds a seat takes this lock
     * first, so two of them never count the seats at the same time and the capacity is never exceeded.
     */
    EventRow lock(long id) {
        return jdbc.sql("select " + EVENT_COLUMNS + " from events where id = ? for update")
                .param(id).query(EventStore::event).single();
    }

    /** Upcoming (not ended) soonest first, or past latest first. */
    List<EventRow> list(long communityId, boolean upcoming, OffsetDateTime now, String audience) {
        return jdbc.sql("select " + EVENT_COLUMNS + " from events where community_id = ?" + audience + " and "
                        + (upcoming ? "ends_at > ? order by starts_at, id" : "ends_at <= ? order by starts_at desc, id desc")
                        + " limit ?")
                .params(communityId, now, LIST_MAX).query(EventStore::event).list();
    }

    /** A sub-group's events, soonest last, for its page. */
    List<EventRow> ofSubgroup(long communityId, long subgroupId) {
        return jdbc.sql("select " + EVENT_COLUMNS + " from events where community_id = ? and subgroup_id = ?"
                        + " order by starts_at desc, id desc limit ?")
                .params(communityId, subgroupId, LIST_MAX).query(EventStore::event).list();
    }

    /** The events this member is registered or waiting for (any community), upcoming and recent: the calendar feed. */
    List<EventRow> ofGuest(long accountId, OffsetDateTime since) {
        return jdbc.sql("select " + prefixed("e.") + "\n" + """
                         from events e join event_registrations r on r.event_id = e.id
                         where r.account_id = ? and r.state in ('REGISTERED', 'WAITLISTED', 'PENDING') and e.ends_at > ?
                         order by e.starts_at, e.id limit ?""")
                .params(accountId, since, LIST_MAX).query(EventStore::event).list();
    }

    /** Events not cancelled that start within the window: the reminders' candidates. */
    List<EventRow> startingBetween(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select " + EVENT_COLUMNS
                        + " from events where cancelled_at is null and starts_at > ? and starts_at <= ? order by starts_at limit 500")
                .params(from, to).query(EventStore::event).list();
    }

    /** 1 when this stage's reminder is recorded now, 0 when it was sent before. */
    int remind(long eventId, int hoursBefore, OffsetDateTime now) {
        return jdbc.sql("insert into event_reminders (event_id, hours_before, sent_at) values (?, ?, ?) on conflict do nothing")
                .params(eventId, hoursBefore, now).update();
    }

    List<Long> helpers(long eventId) {
        return jdbc.sql("select account_id from event_helpers where event_id = ? order by account_id")
                .param(eventId).query(Long.class).list();
    }

    boolean helps(long eventId, long accountId) {
        return jdbc.sql("select count(*) from event_helpers where event_id = ? and account_id = ?")
                .params(eventId, accountId).query(Integer.class).single() > 0;
    }

    void replaceHelpers(long eventId, List<Long> accountIds) {
        jdbc.sql("delete from event_helpers where event_id = ?").param(eventId).update();
        for (long account : accountIds.stream().distinct().toList()) {
            jdbc.sql("insert into event_helpers (event_id, account_id) values (?, ?)").params(eventId, account).update();
        }
    }

    int count(long eventId, RegistrationState state) {
        return jdbc.sql("select count(*) from event_registrations where event_id = ? and state = ?")
                .params(eventId, state.name()).query(Integer.class).single();
    }

    Optional<RegistrationRow> registration(long eventId, long accountId) {
        return jdbc.sql("select " + REGISTRATION_COLUMNS + " from event_registrations where event_id = ? and account_id = ?")
                .params(eventId, accountId).query(EventStore::registration).optional();
    }

    /** For a list of events: each one's registrations by state. */
    Map<Long, Map<RegistrationState, Integer>> counts(Collection<Long> eventIds) {
        var counts = new HashMap<Long, Map<RegistrationState, Integer>>();
        if (!eventIds.isEmpty()) {
            jdbc.sql("select event_id, state, count(*) from event_registrations where event_id in (:ids) group by event_id, state")
                    .param("ids", eventIds).query((rs, n) -> counts.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(RegistrationState.class))
                            .put(RegistrationState.valueOf(rs.getString(2)), rs.getInt(3))).list();
        }
        return counts;
    }

    /** For a list of events: the account's registration at each where it has one. */
    Map<Long, RegistrationRow> registrationsOf(long accountId, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + REGISTRATION_COLUMNS + " from event_registrations where account_id = :a and event_id in (:ids)")
                .param("a", accountId).param("ids", eventIds).query(EventStore::registration).list().stream()
                .collect(java.util.stream.Collectors.toMap(RegistrationRow::eventId, r -> r));
    }

    /** For a list of events: each one's helpers (only events with any). */
    Map<Long, List<Long>> helpers(Collection<Long> eventIds) {
        var helpers = new HashMap<Long, List<Long>>();
        if (!eventIds.isEmpty()) {
            jdbc.sql("select event_id, account_id from event_helpers where event_id in (:ids) order by event_id, account_id")
                    .param("ids", eventIds).query((rs, n) -> helpers.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(rs.getLong(2))).list();
        }
        return helpers;
    }

    /** Of a list of events, those the account gave feedback on. */
    Set<Long> withFeedbackBy(long accountId, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select event_id from event_feedback where account_id = :a and event_id in (:ids)")
                .param("a", accountId).param("ids", eventIds).query(Long.class).list());
    }

    Optional<RegistrationRow> registrationById(long eventId, long id) {
        return jdbc.sql("select " + REGISTRATION_COLUMNS + " from event_registrations where event_id = ? and id = ?")
                .params(eventId, id).query(EventStore::registration).optional();
    }

    Optional<RegistrationRow> byTicket(String ticket) {
        return jdbc.sql("select " + REGISTRATION_COLUMNS + " from event_registrations where ticket = ?")
                .param(ticket).query(EventStore::registration).optional();
    }

    /** Everyone who registered, in the order they came (the waitlist's order among the waiting). */
    List<RegistrationRow> registrations(long eventId) {
        return jdbc.sql("select " + REGISTRATION_COLUMNS
                        + " from event_registrations where event_id = ? order by queued_at, id")
                .param(eventId).query(EventStore::registration).list();
    }

    List<Long> guests(long eventId, List<RegistrationState> states) {
        return jdbc.sql("select account_id from event_registrations where event_id = :e and state in (:s) order by account_id")
                .param("e", eventId).param("s", states.stream().map(Enum::name).toList()).query(Long.class).list();
    }

    Optional<RegistrationRow> firstWaiting(long eventId) {
        return jdbc.sql("select " + REGISTRATION_COLUMNS
                        + " from event_registrations where event_id = ? and state = 'WAITLISTED' order by queued_at, id limit 1")
                .param(eventId).query(EventStore::registration).optional();
    }

    void insertRegistration(long eventId, long communityId, long accountId, RegistrationState state, List<String> answers,
                            String ticket, OffsetDateTime now) {
        jdbc.sql("""
                insert into event_registrations (event_id, community_id, account_id, state, answers, ticket, registered_at, queued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, communityId, accountId, state.name(), lines(answers), ticket, now, now).update();
    }

    /** A cancelled or refused registration taken up again: at the back of the queue, with a new ticket. */
    void renewRegistration(long id, RegistrationState state, List<String> answers, String ticket, OffsetDateTime now) {
        jdbc.sql("""
                update event_registrations set state = ?, answers = ?, ticket = ?, registered_at = ?, queued_at = ?,
                    promoted_at = null, cancelled_at = null, checked_in_at = null, checked_in_by = null
                where id = ?""")
                .params(state.name(), lines(answers), ticket, now, now, id).update();
    }

    void setState(long id, RegistrationState state, OffsetDateTime now) {
        jdbc.sql("update event_registrations set state = ?, cancelled_at = ?, promoted_at = ? where id = ?")
                .params(state.name(), state == RegistrationState.CANCELLED ? now : null,
                        state == RegistrationState.REGISTERED ? now : null, id).update();
    }

    /** 1 for the first check-in, 0 when the ticket was used already (a second scan at the same moment gets 0). */
    int checkIn(long id, long staffId, OffsetDateTime now) {
        return jdbc.sql("update event_registrations set checked_in_at = ?, checked_in_by = ? where id = ? and checked_in_at is null")
                .params(now, staffId, id).update();
    }

    Optional<String> feedToken(long accountId) {
        return jdbc.sql("select token from event_calendar_feeds where account_id = ?").param(accountId)
                .query(String.class).optional();
    }

    Optional<Long> feedOwner(String token) {
        return jdbc.sql("select account_id from event_calendar_feeds where token = ?").param(token)
                .query(Long.class).optional();
    }

    void replaceFeed(long accountId, String token, OffsetDateTime now) {
        jdbc.sql("delete from event_calendar_feeds where account_id = ?").param(accountId).update();
        jdbc.sql("insert into event_calendar_feeds (account_id, token, created_at) values (?, ?, ?)")
                .params(accountId, token, now).update();
    }

    void revokeFeed(long accountId) {
        jdbc.sql("delete from event_calendar_feeds where account_id = ?").param(accountId).update();
    }

    /** 1 when written, 0 when this member had given feedback already. */
    int addFeedback(long eventId, long communityId, long accountId, int rating, String comment, OffsetDateTime now) {
        return jdbc.sql("""
                insert into event_feedback (event_id, community_id, account_id, rating, comment, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(eventId, communityId, accountId, rating, comment, now).update();
    }

    List<Feedback> feedback(long eventId) {
        return jdbc.sql("select account_id, rating, comment, created_at from event_feedback where event_id = ? order by created_at, account_id")
                .param(eventId)
                .query((rs, n) -> new Feedback(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    long insertPhoto(long eventId, long communityId, long accountId, String fileKey, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into event_photos (event_id, community_id, account_id, file_key, created_at) values (?, ?, ?, ?, ?)")
                .params(eventId, communityId, accountId, fileKey, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The album, oldest first (at most a few hundred: twenty per person). */
    List<PhotoRow> photos(long eventId) {
        return jdbc.sql("select id, account_id, file_key, created_at from event_photos where event_id = ? order by id limit 500")
                .param(eventId).query(EventStore::photo).list();
    }

    Optional<PhotoRow> photo(long eventId, long id) {
        return jdbc.sql("select id, account_id, file_key, created_at from event_photos where event_id = ? and id = ?")
                .params(eventId, id).query(EventStore::photo).optional();
    }

    boolean deletePhoto(long eventId, long id) {
        return jdbc.sql("delete from event_photos where event_id = ? and id = ?").params(eventId, id).update() == 1;
    }

    int photosBy(long eventId, long accountId) {
        return jdbc.sql("select count(*) from event_photos where event_id = ? and account_id = ?")
                .params(eventId, accountId).query(Integer.class).single();
    }

    private static PhotoRow photo(ResultSet rs, int n) throws SQLException {
        return new PhotoRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class));
    }

    private static String prefixed(String prefix) {
        return String.join(", ", Arrays.stream(EVENT_COLUMNS.split(",\\s*")).map(c -> prefix + c.strip()).toList());
    }

    static String lines(List<String> items) {
        return String.join("\n", items);
    }

    static List<String> split(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : List.of(lines.split("\n", -1));
    }

    private static EventRow event(ResultSet rs, int n) throws SQLException {
        return new EventRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), EventKind.valueOf(rs.getString(5)),
                rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getObject(8, LocalDateTime.class),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getObject(14, OffsetDateTime.class), rs.getObject(15, Long.class),
                rs.getObject(16, Integer.class), rs.getBoolean(17), split(rs.getString(18)), rs.getInt(19), rs.getLong(20),
                rs.getObject(21, OffsetDateTime.class), rs.getObject(22, OffsetDateTime.class),
                rs.getObject(23, OffsetDateTime.class), rs.getObject(24, Long.class));
    }

    private static RegistrationRow registration(ResultSet rs, int n) throws SQLException {
        return new RegistrationRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                RegistrationState.valueOf(rs.getString(5)), split(rs.getString(6)), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
                rs.getObject(12, OffsetDateTime.class), rs.getObject(13, Long.class));
    }
}
