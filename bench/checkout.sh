#!/usr/bin/env bash
# Load benchmark of checkout and payment (issue 13) against PostgreSQL, with the trivial health endpoint of the same
# server and pgbench running the same checkout transaction as plain SQL, both in the same run, as the baselines:
#   (a) checkouts/s spread over PRODUCTS products (POST /api/v1/orders, one line, an Idempotency-Key each);
#   (b) a flash sale: one hot product with HOT_STOCK units under CONNECTIONS buyers; checkouts/s while stock lasts,
#       requests/s in all (most of them "sold out", 409), and zero oversell checked at the end (PASS/FAIL);
#   (c) test-mode payment notifications/s through the signed notification endpoint, each paying its order once
#       (checked at the end: PASS/FAIL);
#   (d) pgbench: the checkout transaction as plain SQL (bench/checkout.pgbench), CONNECTIONS clients, -j 2;
#   (e) GET /actuator/health.
# Prints requests/s, p50 and p99 of each, the ratios and the targets; wrk's and pgbench's outputs stay in
# bench/results/checkout.
#
#   bench/checkout.sh                                   # 10,000 products, 1,000 hot units, 64 connections, 30 s each
#   PRODUCTS=200 HOT_STOCK=50 DURATION=5s bench/checkout.sh        # a smoke run
#
# BUYERS (2,000) members with API tokens buy in turn; NOTIFICATIONS (60,000) pending payments are made for (c), more
# than the endpoint can take in DURATION (a run that runs out says so: "replays"). A notification is believed for
# five minutes after it is signed, so (c)'s DURATION must stay below that.
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) with pgcrypto (to sign the
# notifications), wrk and pgbench (apt-get install -y wrk postgresql-client), a JDK >= 21. Only talks to 127.0.0.1.
# The bench database is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
PRODUCTS=${PRODUCTS:-10000}
HOT_STOCK=${HOT_STOCK:-1000}
STOCK=${STOCK:-1000}
BUYERS=${BUYERS:-2000}
NOTIFICATIONS=${NOTIFICATIONS:-60000}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-30s}
PORT=${PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DB=shequn_bench_checkout_$$
OUT=bench/results/checkout
mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.tsv "$OUT"/pgbench_log.*
. bench/lib.sh
for tool in wrk pgbench; do
  command -v $tool >/dev/null || { echo "$tool missing: apt-get install -y wrk postgresql-client" >&2; exit 1; }
done
seconds=$(echo "$DURATION" | awk '/m$/{sub(/m/,""); print $1*60; next} {sub(/s/,""); print $1}')

# How many of the database's sessions wait for a lock (a row another transaction holds), sampled twice a second
# while a run goes: the hot rows a run queues on show up here.
sampler=""
sample_locks() { # name
  while :; do
    q "select count(*) || coalesce(' ' || string_agg(regexp_replace(left(query, 60), '\s+', ' ', 'g'), '|'), '')
       from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'" || true
    sleep 0.5
  done > "$OUT/locks-$1.txt" 2>/dev/null &
  sampler=$!
}
stop_sampling() { [ -n "$sampler" ] && kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; sampler=""; }
locks() { # name -> "avg 1.2, max 5" and the statement waited on most often
  awk '{ s += $1; if ($1 > m) m = $1 } END { printf "avg %.1f, max %d", (NR ? s / NR : 0), m }' "$OUT/locks-$1.txt"
  cut -s -d' ' -f2- "$OUT/locks-$1.txt" | tr '|' '\n' | sort | uniq -c | sort -rn | head -n 1 \
    | awk '{ n = $1; $1 = ""; printf " (most: %s, %d times)", substr($0, 2), n }'
}

ensure_jar
cleanup() {
  stop_sampling
  stop_server
  psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
machine
echo "== load before: $(uptime)"
q() { psql -qtA -d "$DB" -c "$1"; }

psql -q -d postgres -c "create database $DB"
start_server "$DB" 1g --shequn.payment.test.enabled=true
# The test channel's secret, known here so bench/sign-notifications.sql can sign as the channel does; the server reads
# it on its first notification (insert-if-absent: this one is there first).
q "insert into payment_secrets (name, secret) values ('test-channel-hmac', encode(sha256('shq_bench_test_channel'::bytea), 'hex'))"
echo "== generating 1 community of $BUYERS buyers, a shop of $PRODUCTS products x $STOCK units and a hot one of $HOT_STOCK"
t0=$(date +%s)
psql -q -d "$DB" -v communities=1 -v members="$((BUYERS + 1))" -f bench/generate.sql > "$OUT/generate.log"
SLUG=$(q "select slug from communities order by id limit 1")
psql -q -d "$DB" -v slug="$SLUG" -v readers="$BUYERS" -f bench/member-tokens.sql
IFS='|' read -r FIRST LAST HOT CONTIGUOUS <<<"$(psql -qtA -d "$DB" -v slug="$SLUG" -v products="$PRODUCTS" \
  -v stock="$STOCK" -v hot_stock="$HOT_STOCK" -f bench/generate-commerce.sql | tail -n 1)"
[ "$CONTIGUOUS" = t ] || { echo "the spread SKUs' ids are not contiguous" >&2; exit 1; }
echo "   done in $(( $(date +%s) - t0 )) s: community $SLUG, SKUs $FIRST..$LAST, hot SKU $HOT"

API="http://127.0.0.1:$PORT/api/v1"
HEALTH_URL="http://127.0.0.1:$PORT/actuator/health"
export BENCH_MEMBERS=$BUYERS BENCH_COMMUNITY=$SLUG BENCH_PRICE=19.90 BENCH_THREADS=2
curl -sf -X POST -H "Authorization: Bearer shq_bench_member_1" -H "Content-Type: application/json" \
  -H "Idempotency-Key: bench-sample" "$API/orders" -o "$OUT/sample.json" \
  -d "{\"community\":\"$SLUG\",\"lines\":[{\"skuId\":$FIRST,\"quantity\":1,\"unitPrice\":\"19.90\"}]}" \
  || { echo "sample checkout failed" >&2; exit 1; }
TEMPLATE=$(q "select max(id) from orders")
echo "   sample order: $(head -c 200 "$OUT/sample.json")…"

# wrk runs with --timeout 10s: its default of 2 s would drop the slowest answers from the latencies
statuses() { grep -h '^statuses:' "$1" | cut -d' ' -f2-; }
count() { # file status -> how many answers had that status
  statuses "$1" | tr ' ' '\n' | awk -F= -v s="$2" '$1==s{print $2; f=1} END{if(!f) print 0}'
}
others() { # file statuses... -> the answers with any other status, as "500=3 ..." (empty when none)
  local f=$1; shift
  statuses "$f" | tr ' ' '\n' | awk -F= -v keep=" $* " 'index(keep, " " $1 " ")==0 && $1!=""' | xargs
}

# (e) the baseline, and the checkout path warmed up (JIT) before anything about it is measured
run health "$HEALTH_URL" --timeout 10s

# (a) spread over the products
export BENCH_SKUS="$FIRST:$LAST"
sample_locks spread
run spread "$API/orders" -s bench/checkout.lua --timeout 10s
stop_sampling
spread_total=$(q "select sum(stock)::bigint + (select coalesce(sum(quantity), 0) from order_lines where sku_id between $FIRST and $LAST)
                  from skus where id between $FIRST and $LAST")
spread_ok=FAIL; [ "$spread_total" = "$((PRODUCTS * STOCK))" ] && spread_ok=PASS

# (b) the flash sale: no warm-up on this product (it would take the stock); the path is warm from (a)
export BENCH_SKUS="$HOT:$HOT"
sample_locks hot
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 10s -s bench/checkout.lua "$API/orders" > "$OUT/hot.txt"
stop_sampling
IFS='|' read -r hot_stock hot_orders hot_units hot_span <<<"$(q "select (select stock from skus where id = $HOT),
    count(distinct l.order_id), coalesce(sum(l.quantity), 0),
    coalesce(extract(epoch from max(o.created_at) - min(o.created_at)), 0)
  from order_lines l join orders o on o.id = l.order_id where l.sku_id = $HOT")"
negative=$(q "select count(*) from skus where stock < 0")
hot_201=$(count "$OUT/hot.txt" 201)
hot_409=$(count "$OUT/hot.txt" 409)
hot_others=$(others "$OUT/hot.txt" 201 409)
# judged on the database (an answer wrk gave up waiting for may still have been an order); 201s beyond the stock fail it
hot_ok=FAIL
[ "$hot_stock" = 0 ] && [ "$hot_orders" = "$HOT_STOCK" ] && [ "$hot_units" = "$HOT_STOCK" ] && [ "$negative" = 0 ] \
  && [ "$hot_201" -le "$HOT_STOCK" ] && [ -z "$hot_others" ] && hot_ok=PASS
hot_rate=$(echo "$hot_span" | awk -v n="$hot_orders" '{ if ($1 > 0) printf "%.0f", (n - 1) / $1; else print 0 }')

# (c) notifications: a warm-up batch, then the measured one, each signed right before it is sent
wrm=$((NOTIFICATIONS / 6)); measured=$((NOTIFICATIONS - wrm))
echo "== making $wrm + $measured pending test-mode payments"
psql -q -d "$DB" -v template="$TEMPLATE" -v count="$wrm" -v set=w -f bench/generate-notifications.sql
psql -q -d "$DB" -v template="$TEMPLATE" -v count="$measured" -v set=m -f bench/generate-notifications.sql
psql -q -d "$DB" -v set=w -v file="$OUT/notify-w.tsv" -f bench/sign-notifications.sql
BENCH_NOTIFY="$OUT/notify-w.tsv" wrk -t2 -c"$CONNECTIONS" -d5s --latency --timeout 10s -s bench/notify.lua "$API/payments/notify/test" > "$OUT/notify-warmup.txt"
psql -q -d "$DB" -v set=m -v file="$OUT/notify-m.tsv" -f bench/sign-notifications.sql
sample_locks notify
BENCH_NOTIFY="$OUT/notify-m.tsv" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 10s -s bench/notify.lua "$API/payments/notify/test" > "$OUT/notify.txt"
stop_sampling
# an order turns paid after its payment, through the outbox: wait until nothing is left to do (at most 2 minutes)
t0=$(date +%s.%N)
outbox_left=$(q "select count(*) from event_publication where completion_date is null")
for _ in $(seq 1 240); do
  [ "$(q "select count(*) from event_publication where completion_date is null")" = 0 ] && break
  sleep 0.5
done
catch_up=$(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f')
pending_events=$(q "select count(*) from event_publication where completion_date is null")
IFS='|' read -r paid_payments noted paid_orders ledger_tx twice mismatched <<<"$(q "select
    (select count(*) from payments where trade_no like 'BNm%' and status = 'PAID'),
    (select count(*) from payment_notifications n join payments p on p.id = n.payment_id where p.trade_no like 'BNm%'),
    (select count(*) from orders o join payments p on p.purpose = 'order:' || o.id
       where p.trade_no like 'BNm%' and o.status = 'PAID' and o.payment_id = p.id),
    (select count(*) from ledger_transactions t join payments p on t.reference = p.purpose where p.trade_no like 'BNm%'),
    (select count(*) from (select payment_id from payment_notifications group by payment_id having count(*) > 1) x),
    (select count(*) from orders o join payments p on p.purpose = 'order:' || o.id
       where p.trade_no like 'BNm%' and p.status = 'PAID' and o.status <> 'PAID')")"
notify_200=$(count "$OUT/notify.txt" 200)
notify_replays=$(grep -h '^replays:' "$OUT/notify.txt" | cut -d' ' -f2)
notify_others=$(others "$OUT/notify.txt" 200)
# what the server says it recorded as paying (its log line per notification; -1 when it logs none)
server_paid=$(grep -c -E 'TEST notification .* for BNm[0-9]+: PAID$' "$OUT/server.log" || true)
[ "$(grep -c 'TEST notification' "$OUT/server.log" || true)" = 0 ] && server_paid=-1
# Requests still on their way when wrk stops (or that it gave up waiting for) are paid without being counted by
# wrk, so every answered 200 must be a payment paid, and every payment paid must be noted, paid and booked once.
notify_ok=FAIL
[ "$paid_payments" -ge "$((notify_200 - notify_replays))" ] && [ "$noted" = "$paid_payments" ] \
  && [ "$paid_orders" = "$paid_payments" ] && [ "$ledger_tx" = "$paid_payments" ] && [ "$twice" = 0 ] \
  && [ "$mismatched" = 0 ] && [ -z "$notify_others" ] && [ "$pending_events" = 0 ] \
  && { [ "$server_paid" = -1 ] || [ "$server_paid" = "$paid_payments" ]; } && notify_ok=PASS

# (d) the same checkout as plain SQL, with the server stopped (it would only be idle)
stop_server
IFS='|' read -r COMMUNITY SHOP TOTAL COMMISSION FEE MERCHANT <<<"$(q "select community_id, shop_id, total_minor,
    commission_minor, platform_fee_minor, merchant_minor from orders where id = $TEMPLATE")"
IFS='|' read -r BUYER_FIRST BUYER_LAST <<<"$(q "select min(m.account_id), max(m.account_id) from memberships m
    join communities c on c.id = m.community_id where c.slug = '$SLUG' and m.role = 'MEMBER'")"
pgb=(pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -f "$PWD/bench/checkout.pgbench" -D first="$FIRST" -D last="$LAST"
     -D buyer_first="$BUYER_FIRST" -D buyer_last="$BUYER_LAST" -D price=1990 -D community="$COMMUNITY" -D shop="$SHOP"
     -D total="$TOTAL" -D commission="$COMMISSION" -D fee="$FEE" -D merchant="$MERCHANT" "$DB")
"${pgb[@]}" -T 5 > /dev/null 2>&1
(cd "$OUT" && "${pgb[@]}" -T "$seconds" -l > pgbench.txt 2>&1)
sql_rps=$(awk '/^tps = /{print $3}' "$OUT/pgbench.txt")
# the per-transaction log: latency (µs) is the third column
read -r sql_p50 sql_p99 <<<"$(cat "$OUT"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{v[NR]=$1}
  END{ printf "%.2f %.2f", v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000 }')"
sql_failed=$(awk '/number of failed transactions/{print $5}' "$OUT/pgbench.txt")

row() { # label rps p50 p99 target
  printf '%-52s %10.0f %9.2f %9.2f   %s\n' "$1" "$2" "$3" "$4" "$5"
}
read -r h_rps h_p50 h_p99 <<<"$(stats "$OUT/health.txt")"
read -r s_rps s_p50 s_p99 <<<"$(stats "$OUT/spread.txt")"
read -r b_rps b_p50 b_p99 <<<"$(stats "$OUT/hot.txt")"
read -r n_rps n_p50 n_p99 <<<"$(stats "$OUT/notify.txt")"
spread_201=$(count "$OUT/spread.txt" 201)
spread_others=$(others "$OUT/spread.txt" 201)
{
echo "== $CONNECTIONS connections, $DURATION per run, server -Xmx1g on PostgreSQL; $PRODUCTS products, hot stock $HOT_STOCK, $BUYERS buyers"
printf '%-52s %10s %9s %9s   %s\n' run "req/s" "p50 ms" "p99 ms" target
row "GET /actuator/health (baseline)" "$h_rps" "$h_p50" "$h_p99" ""
row "(a) checkout, spread over $PRODUCTS products" "$s_rps" "$s_p50" "$s_p99" ">= 600/s, p99 <= 200 ms"
row "(b) flash sale, all answers (mostly 409 sold out)" "$b_rps" "$b_p50" "$b_p99" "p99 <= 200 ms"
printf '%-52s %10s %9s %9s   %s\n' "(b) flash sale, checkouts while stock lasted" "$hot_rate" "" "" ">= 250/s"
row "(c) payment notifications (test mode, signed)" "$n_rps" "$n_p50" "$n_p99" ">= 400/s, p99 <= 200 ms"
row "(d) pgbench: the checkout transaction as plain SQL" "$sql_rps" "$sql_p50" "$sql_p99" ""
echo "ratio checkout/plain SQL: $(echo "scale=3; $s_rps / $sql_rps" | bc) (target >= 0.25)   checkout/health: $(echo "scale=3; $s_rps / $h_rps" | bc)   notifications/health: $(echo "scale=3; $n_rps / $h_rps" | bc)"
echo "(a) $spread_201 orders (201) in the measured run${spread_others:+; other answers: $spread_others}; stock + units ordered = $spread_total of $((PRODUCTS * STOCK)): $spread_ok"
echo "(b) stock lasted ${hot_span} s; 201: $hot_201, 409: $hot_409${hot_others:+, other: $hot_others}; stock left $hot_stock, orders $hot_orders, units $hot_units (of $HOT_STOCK), SKUs below zero $negative"
echo "    zero oversell: $hot_ok"
echo "(c) answered 200: $notify_200 (replays $notify_replays)${notify_others:+, other: $notify_others}; payments paid $paid_payments (server logged $server_paid), notifications noted $noted, orders paid by them $paid_orders, ledger transactions $ledger_tx, payments noted twice $twice, paid but order not $mismatched, outbox left $pending_events"
echo "    each notification paid its order exactly once: $notify_ok (when wrk stopped, $outbox_left outbox events were still to do: done ${catch_up} s later)"
echo "(d) pgbench failed transactions: ${sql_failed:-0}"
echo "sessions waiting for a lock, sampled every 0.5 s: (a) $(locks spread)"
echo "    (b) $(locks hot)"
echo "    (c) $(locks notify)"
grep -H -E 'Non-2xx|Socket errors' "$OUT"/health.txt "$OUT"/spread.txt "$OUT"/hot.txt "$OUT"/notify.txt || true
echo "server log: $(grep -c -E ' ERROR ' "$OUT/server.log" || true) ERROR lines, $(grep -c -i 'deadlock' "$OUT/server.log" || true) mentioning deadlock"
echo "== load after: $(uptime)"
} | tee "$OUT/summary.txt"
