package org.shequn.shared.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The idempotency_keys table: a key is claimed by one insert, so two requests with it cannot both run. */
@Repository
class IdempotencyStore {

    record Stored(String requestHash, int status, String contentType, String location, String body) {
        boolean running() {
            return status == 0;
        }
    }

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the one request that claimed the key. */
    boolean claim(long accountId, String key, String hash, Instant now) {
        return jdbc.sql("""
                insert into idempotency_keys (account_id, idempotency_key, request_hash, status, created_at)
                values (?, ?, ?, 0, ?) on conflict do nothing""")
                .params(accountId, key, hash, now.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    Optional<Stored> find(long accountId, String key) {
        return jdbc.sql("""
                select request_hash, status, content_type, location, body from idempotency_keys
                where account_id = ? and idempotency_key = ?""")
                .params(accountId, key)
                .query((rs, n) -> new Stored(rs.getString(1).strip(), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    void complete(long accountId, String key, int status, String contentType, String location, String body) {
        jdbc.sql("""
                update idempotency_keys set status = ?, content_type = ?, location = ?, body = ?
                where account_id = ? and idempotency_key = ?""")
                .params(status, contentType, location, body, accountId, key).update();
    }

    void release(long accountId, String key) {
        jdbc.sql("delete from idempotency_keys where account_id = ? and idempotency_key = ? and status = 0")
                .params(accountId, key).update();
    }

    /** Forgets the answers kept since before {@code before}; how many. */
    int forgetBefore(Instant before) {
        return jdbc.sql("delete from idempotency_keys where created_at < ?").param(before.atOffset(ZoneOffset.UTC)).update();
    }
}
