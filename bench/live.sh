#!/usr/bin/env bash
# Live-update delivery benchmark (issue 3, ADR 0007): CLIENTS (2,000) API event streams on one node, comments
# written through the API at RATE per second for SECONDS, write->receipt latency per client (bench/LiveClients.java).
#
#   bench/live.sh                                  # a small generated database, dropped at the end
#   DB=shequn_bench_content_123 bench/live.sh      # an existing bench database (e.g. kept by content.sh)
#
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres), a JDK >= 25 (single-file source).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-2000}
RATE=${RATE:-10}
SECONDS_=${SECONDS_:-60}
PORT=${PORT:-18090}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=bench/results/live
mkdir -p "$OUT"
. bench/lib.sh
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

ensure_jar
REUSE=""
if [ -n "${DB:-}" ]; then REUSE=1; else DB=shequn_bench_live_$$; fi
cleanup() {
  stop_server
  [ -z "$REUSE" ] && psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
machine
echo "== load before: $(uptime)"
[ -z "$REUSE" ] && psql -q -d postgres -c "create database $DB"
start_server "$DB" 1g
if [ -z "$REUSE" ]; then
  psql -q -d "$DB" -v communities=1 -v members=200 -f bench/generate.sql > "$OUT/generate.log"
  SLUG=$(psql -qtA -d "$DB" -c "select slug from communities order by id limit 1")
  psql -q -d "$DB" -v slug="$SLUG" -v posts=1000 -v comments=5000 -f bench/generate-content.sql >> "$OUT/generate.log"
fi
# the big community when reusing a content.sh database (the last one made)
SLUG=$(psql -qtA -d "$DB" -c "select slug from communities order by id desc limit 1")
POST=$(psql -qtA -d "$DB" -c "select max(id) - 100 from posts where community_id = (select id from communities where slug = '$SLUG')")
echo "== $CLIENTS API streams on /api/v1/communities/$SLUG/live, $RATE comments/s for $SECONDS_ s on post $POST"
"$JAVA_HOME/bin/java" -Xmx1g bench/LiveClients.java "http://127.0.0.1:$PORT" "$SLUG" "$POST" \
  shq_bench_token_for_load_runs_only "$CLIENTS" "$RATE" "$SECONDS_" | tee "$OUT/live.txt"
echo "== load after: $(uptime)"
echo "target: p99 <= 250 ms"
