-- The test-mode channel's notification for every pending payment of batch :'set' (bench/generate-notifications.sql),
-- signed as TestChannel signs one: HMAC-SHA256 under the install's secret (payment_secrets 'test-channel-hmac', hex)
-- of "timestamp\nbody\n", Base64. Written to :'file' as "timestamp<TAB>signature<TAB>body" lines for bench/notify.lua.
-- Run right before the notifications are sent: the endpoint believes a notification for five minutes.
-- Usage: psql -v set=m -v file=bench/results/checkout/notify-m.tsv -f sign-notifications.sql
\set ON_ERROR_STOP on
set client_min_messages = warning;
create extension if not exists pgcrypto;
\pset format unaligned
\pset tuples_only on
\pset fieldsep '\t'
\o :file
select ts, encode(hmac(convert_to(ts || E'\n' || body || E'\n', 'UTF8'),
                       decode((select secret from payment_secrets where name = 'test-channel-hmac'), 'hex'), 'sha256'),
                  'base64') as signature, body
from (
    select p.id, extract(epoch from now())::bigint::text as ts,
           '{"id":"BENCH-N-' || p.trade_no || '","out_trade_no":"' || p.trade_no || '","transaction_id":"TEST-'
               || p.trade_no || '","amount_minor":' || p.amount_minor || ',"currency":"' || p.currency
               || '","paid_at":"' || to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"}' as body
    from payments p where p.trade_no like 'BN' || :'set' || '%' and p.status = 'PENDING'
) n
order by id;
\o
