package org.shequn.messaging;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shequn.shared.Cursor;
import org.shequn.shared.jdbc.LockRows;
import org.shequn.shared.jdbc.NewestFirst;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Conversations, each person's side of them, the messages, and the settings of whom one accepts them from. */
@Repository
class MessagingStore {

    record SideRow(long otherId, OffsetDateTime lastMessageAt, long conversationId, int unread, long senderId,
                   String body, OffsetDateTime removedAt) {
    }

    record MessageRow(long id, long conversationId, long senderId, long recipientId, String body,
                      OffsetDateTime createdAt, OffsetDateTime removedAt) {

        boolean between(long accountId) {
            return accountId == senderId || accountId == recipientId;
        }
    }

    private static final String MESSAGE_COLUMNS =
            "id, conversation_id, sender_id, recipient_id, body, created_at, removed_at";

    private final JdbcClient jdbc;
    private final LockRows paceLocks;

    MessagingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.paceLocks = new LockRows(jdbc, "message_pace_locks", List.of("account_id"));
    }

    /** Until the caller commits: one sender's messages are counted one after the other, on every node. */
    void lockSender(long accountId) {
        paceLocks.lock(accountId);
    }

    Optional<Long> conversationId(long a, long b) {
        return jdbc.sql("select id from conversations where low_id = ? and high_id = ?")
                .params(Math.min(a, b), Math.max(a, b)).query(Long.class).optional();
    }

    /**
     * The pair's conversation, started by {@code sender} if there was none. Two first messages at once, each way:
     * the second insert waits for the first, inserts nothing and finds its row.
     */
    Started start(long sender, long recipient, OffsetDateTime now) {
        boolean created = jdbc.sql("""
                insert into conversations (low_id, high_id, started_by, created_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(Math.min(sender, recipient), Math.max(sender, recipient), sender, now).update() == 1;
        return new Started(conversationId(sender, recipient).orElseThrow(), created);
    }

    record Started(long conversationId, boolean created) {
    }

    int conversationsStartedSince(long accountId, OffsetDateTime since) {
        return jdbc.sql("select count(*) from conversations where started_by = ? and created_at > ?")
                .params(accountId, since).query(Integer.class).single();
    }

    int messagesSentSince(long accountId, OffsetDateTime since) {
        return jdbc.sql("select count(*) from private_messages where sender_id = ? and created_at > ?")
                .params(accountId, since).query(Integer.class).single();
    }

    long insertMessage(long conversationId, long sender, long recipient, String body, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into private_messages (conversation_id, sender_id, recipient_id, body, created_at)
                values (?, ?, ?, ?, ?)""").params(conversationId, sender, recipient, body, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Both sides move to the new message; the recipient has one more unread, the sender (who replied) none. */
    void touchSides(long conversationId, long sender, long recipient, long messageId, OffsetDateTime now) {
        side(conversationId, sender, recipient, messageId, now, false);
        side(conversationId, recipient, sender, messageId, now, true);
    }

    private void side(long conversationId, long account, long other, long messageId, OffsetDateTime now,
                      boolean receives) {
        int updated = jdbc.sql("update conversation_sides set last_message_at = ?, last_message_id = ?, unread = "
                        + (receives ? "unread + 1" : "0") + " where account_id = ? and other_id = ?")
                .params(now, messageId, account, other).update();
        if (updated == 0) {
            // the sides are written with the conversation's first message, in its transaction: no one else inserts
            jdbc.sql("""
                    insert into conversation_sides (account_id, other_id, conversation_id, last_message_at,
                        last_message_id, unread) values (?, ?, ?, ?, ?, ?)""")
                    .params(account, other, conversationId, now, messageId, receives ? 1 : 0).update();
        }
    }

    /** My conversations, newest first, after the cursor's (last message time, conversation id). */
    List<SideRow> sides(long accountId, Cursor after, int limit) {
        var params = new ArrayList<Object>();
        params.add(accountId);
        var keyset = "";
        if (after != null) {
            var at = after.time();
            keyset = " and s.last_message_at <= ? and (s.last_message_at < ? or s.conversation_id < ?)";
            params.addAll(List.of(at, at, after.id()));
        }
        params.add(limit);
        return jdbc.sql("""
                select s.other_id, s.last_message_at, s.conversation_id, s.unread, m.sender_id, m.body, m.removed_at
                from conversation_sides s join private_messages m on m.id = s.last_message_id
                where s.account_id = ?""" + keyset + " order by s.last_message_at desc, s.conversation_id desc limit ?")
                .params(params).query(Rows.of(SideRow.class)).list();
    }

    /** The conversation's messages, newest first, after the cursor's (time, id). */
    List<MessageRow> messages(long conversationId, Cursor before, int limit) {
        var params = new ArrayList<Object>();
        params.add(conversationId);
        var tail = NewestFirst.after(before, params, limit);
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from private_messages where conversation_id = ?" + tail)
                .params(params).query(Rows.of(MessageRow.class)).list();
    }

    Optional<MessageRow> message(long id) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from private_messages where id = ?")
                .param(id).query(Rows.of(MessageRow.class)).optional();
    }

    /** Whether there was anything to remove. */
    boolean removeMessage(long id, OffsetDateTime now) {
        return jdbc.sql("update private_messages set removed_at = ? where id = ? and removed_at is null")
                .params(now, id).update() == 1;
    }

    void markRead(long accountId, long otherId) {
        jdbc.sql("update conversation_sides set unread = 0 where account_id = ? and other_id = ? and unread <> 0")
                .params(accountId, otherId).update();
    }

    int unread(long accountId) {
        return jdbc.sql("select coalesce(sum(unread), 0) from conversation_sides where account_id = ?")
                .param(accountId).query(Integer.class).single();
    }

    Acceptance accepts(long accountId) {
        return jdbc.sql("select accepts from message_settings where account_id = ?").param(accountId)
                .query(String.class).optional().map(Acceptance::valueOf).orElse(Acceptance.DEFAULT);
    }

    void setAccepts(long accountId, Acceptance accepts) {
        if (update(accountId, accepts)) {
            return;
        }
        if (jdbc.sql("insert into message_settings (account_id, accepts) values (?, ?) on conflict do nothing")
                .params(accountId, accepts.name()).update() == 0) {
            // the same person saved twice at once from two tabs: the later one wins
            update(accountId, accepts);
        }
    }

    private boolean update(long accountId, Acceptance accepts) {
        return jdbc.sql("update message_settings set accepts = ? where account_id = ?")
                .params(accepts.name(), accountId).update() == 1;
    }
}
