-- The first answer to a mutating API request sent with an Idempotency-Key, kept per account and key: the same key
-- with the same request gets that answer again, with another request a 409. status 0 = the first is still running.
create table idempotency_keys (
    account_id      bigint                   not null,
    idempotency_key varchar(100)             not null,
    -- SHA-256 (hex) of method, path and body
    request_hash    char(64)                 not null,
    status          integer                  not null,
    content_type    varchar(200),
    location        varchar(500),
    body            varchar(65536),
    created_at      timestamp with time zone not null,
    primary key (account_id, idempotency_key)
);
