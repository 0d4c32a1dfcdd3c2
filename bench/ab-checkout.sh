#!/usr/bin/env bash
# Interleaved A/B of two builds on the spread checkout of bench/checkout.sh (POST /api/v1/orders, one unit of a
# random one of PRODUCTS SKUs, a new Idempotency-Key each, as BUYERS members): both servers run at once on one
# database; each is measured 5 s in turn for ROUNDS rounds after a warm-up, and the created orders (201) are summed
# per build, which cancels most of this 2-core VM's drift (single checkout.sh runs differ by a fifth). Run it with
# FIRST=A and FIRST=B.
#
#   A=base.jar B=target/shequn-0.1.0-SNAPSHOT.jar bench/ab-checkout.sh
#   A=x.jar B=x.jar A_OPTS= B_OPTS=-XX:+UseZGC bench/ab-checkout.sh      # two JVM settings
#
# Needs PostgreSQL, wrk and a JDK; the database is made here and dropped at the end. Only talks to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${A:?A is a jar}" "${B:?B is a jar}"
ROUNDS=${ROUNDS:-6}
FIRST=${FIRST:-A}
PRODUCTS=${PRODUCTS:-10000}
BUYERS=${BUYERS:-2000}
CONNECTIONS=${CONNECTIONS:-64}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=shequn_bench_abcheckout_$$
OUT=bench/results/ab-checkout
mkdir -p "$OUT"
start() { # jar port jvm-options
  SHEQUN_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SHEQUN_DB_USER=$PGUSER SHEQUN_DATA_DIR=$OUT/data-$2 PORT=$2 \
    "$JAVA_HOME/bin/java" -Xmx1g $3 -jar "$1" > "$OUT/server-$2.log" 2>&1 &
  echo $!
}
healthy() { for _ in $(seq 1 240); do curl -sf -m 2 "http://127.0.0.1:$1/actuator/health" >/dev/null && return 0; sleep 0.5; done; return 1; }
q() { psql -qtA -d "$DB" -c "$1"; }
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
psql -q -d postgres -c "create database $DB"
PA=$(start "$A" 18081 "${A_OPTS:-}")
trap 'kill $PA ${PB:-} 2>/dev/null || true; sleep 1; psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true' EXIT
healthy 18081
psql -q -d "$DB" -v communities=1 -v members="$((BUYERS + 1))" -f bench/generate.sql > "$OUT/generate.log"
SLUG=$(q "select slug from communities order by id limit 1")
psql -q -d "$DB" -v slug="$SLUG" -v readers="$BUYERS" -f bench/member-tokens.sql
IFS='|' read -r SKU_FIRST SKU_LAST _ _ <<<"$(psql -qtA -d "$DB" -v slug="$SLUG" -v products="$PRODUCTS" \
  -v stock=1000 -v hot_stock=1 -f bench/generate-commerce.sql | tail -n 1)"
PB=$(start "$B" 18082 "${B_OPTS:-}"); healthy 18082
export BENCH_MEMBERS=$BUYERS BENCH_COMMUNITY=$SLUG BENCH_PRICE=19.90 BENCH_SKUS="$SKU_FIRST:$SKU_LAST"
ports=(18081 18082); [ "$FIRST" = B ] && ports=(18082 18081)
for p in 18081 18082; do
  wrk -t2 -c"$CONNECTIONS" -d8s --timeout 10s -s bench/checkout.lua "http://127.0.0.1:$p/api/v1/orders" > /dev/null
  sleep 1 # a new second: the measured runs' Idempotency-Keys never meet the warm-up's
done
ta=0; tb=0; pa=(); pb=()
for _ in $(seq 1 "$ROUNDS"); do
  for p in "${ports[@]}"; do
    out=$(wrk -t2 -c"$CONNECTIONS" -d5s --timeout 10s --latency -s bench/checkout.lua "http://127.0.0.1:$p/api/v1/orders")
    n=$(echo "$out" | grep '^statuses:' | tr ' ' '\n' | awk -F= '$1=="201"{print $2; f=1} END{if(!f) print 0}')
    p99=$(echo "$out" | awk '$1=="99%"{print $2}' | to_ms)
    if [ "$p" = 18081 ]; then ta=$((ta + n)); pa+=("$p99"); else tb=$((tb + n)); pb+=("$p99"); fi
    sleep 1
  done
done
echo "checkout orders created A=$ta B=$tb B/A=$(echo "scale=3; $tb / $ta" | bc) (first: $FIRST); median p99 ms A=$(median "${pa[@]}") B=$(median "${pb[@]}")"
