#!/usr/bin/env bash
# Load benchmark of check-ins (issue 14) against PostgreSQL: the deadline peak, MEMBERS members of one challenge
# (default 20,000) each checking in once, as CONNECTIONS concurrent clients (default 64) → check-ins/s and p99;
# then the leaderboard and a member's own calendar at that size. The trivial health endpoint of the same server,
# in the same run, is the baseline; ratios against it are printed.
#
#   bench/checkin.sh                                   # full size
#   MEMBERS=300 CONNECTIONS=8 DURATION=3s bench/checkin.sh   # a smoke run
#
# Check-ins carry text only (no images): the peak measures the check-in's own transaction (gate, the member's
# figures row locked and recounted, the insert), not image re-encoding. A warm-up challenge takes the first
# check-ins, so the measured one starts with a warm JIT.
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres), wrk, a JDK >= 21. Only talks to
# 127.0.0.1. The bench database is dropped at the end unless KEEP_DB is set.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-20000}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-30s}
PORT=${PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DB=shequn_bench_checkin_$$
OUT=bench/results/checkin
mkdir -p "$OUT"
. bench/lib.sh
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }

ensure_jar
cleanup() {
  stop_server
  [ -z "${KEEP_DB:-}" ] && psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
machine

psql -q -d postgres -c "create database $DB"
start_server "$DB" 1g
echo "== generating 1 community of $MEMBERS members and their tokens"
t0=$(date +%s)
psql -q -d "$DB" -v communities=1 -v members="$MEMBERS" -f bench/generate.sql > "$OUT/generate.log"
SLUG=$(psql -qtA -d "$DB" -c "select slug from communities order by id limit 1")
psql -q -d "$DB" -v slug="$SLUG" -f bench/checkin-tokens.sql > "$OUT/tokens.log"
N=$(psql -qtA -d "$DB" -c "select count(*) from api_tokens where token_prefix = 'shq_bench_me'")
echo "   done in $(( $(date +%s) - t0 )) s: community $SLUG, $N member tokens"

TOKEN=shq_bench_token_for_load_runs_only
BASE="http://127.0.0.1:$PORT/api/v1/communities/$SLUG/checkins"
TODAY=$(TZ=Asia/Shanghai date +%F)
challenge() { # title -> id
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$BASE" -d "{\"title\":\"$1\",
    \"rules\":\"每天跑步\",\"startsOn\":\"$TODAY\",\"endsOn\":\"$TODAY\",\"frequency\":\"DAILY\"}" \
    | sed -E 's/^\{"id":([0-9]+).*/\1/'
}
WARM=$(challenge "热身挑战")
PEAK=$(challenge "截止前的高峰")
HEALTH_URL="http://127.0.0.1:$PORT/actuator/health"

run health "$HEALTH_URL"
# warm-up: check-ins into the other challenge for 10 s (members past their one check-in get 409s, unmeasured)
BENCH_MEMBERS=$N BENCH_THREADS=2 BENCH_GET= wrk -t2 -c"$CONNECTIONS" -d10s -s bench/checkin.lua "$BASE/$WARM/entries" \
  > "$OUT/warm-up.txt" || true
echo "== the peak: $N members check in once each, $CONNECTIONS clients"
# wrk's threads stop once every member has been answered, but wrk itself waits out -d: its requests/s would count
# the idle tail, so the rate is the stored check-ins over the span from the first to the last (its latencies are
# of real requests only). PEAK_LIMIT bounds the run (default: enough for 50 check-ins/s).
BENCH_MEMBERS=$N BENCH_THREADS=2 BENCH_CHALLENGE=$PEAK wrk -t2 -c"$CONNECTIONS" -d"${PEAK_LIMIT:-$((N / 50 + 10))}s" \
  --latency -s bench/checkin.lua "$BASE/$PEAK/entries" > "$OUT/checkin.txt"
read -r stored span <<<"$(psql -qtA -F' ' -d "$DB" -c "select count(*), extract(epoch from max(checked_at) - min(checked_at))
  from check_ins where challenge_id = $PEAK")"
BENCH_MEMBERS=$N BENCH_THREADS=2 BENCH_GET=1 run leaderboard "$BASE/$PEAK/leaderboard" -s bench/checkin.lua
BENCH_MEMBERS=$N BENCH_THREADS=2 BENCH_GET=1 run calendar "$BASE/$PEAK/calendar" -s bench/checkin.lua

read -r h_rps h_p50 h_p99 <<<"$(stats "$OUT/health.txt")"
read -r _ c_p50 c_p99 <<<"$(stats "$OUT/checkin.txt")"
c_rps=$(echo "scale=1; $stored / ($span + 0.001)" | bc)
read -r l_rps l_p50 l_p99 <<<"$(stats "$OUT/leaderboard.txt")"
read -r m_rps m_p50 m_p99 <<<"$(stats "$OUT/calendar.txt")"
errors=$(grep -h -E 'Non-2xx|Socket errors' "$OUT/checkin.txt" "$OUT/leaderboard.txt" "$OUT/calendar.txt" "$OUT/health.txt" || true)

echo "== $CONNECTIONS connections, server -Xmx1g on PostgreSQL; $stored of $N check-ins stored"
printf '%-46s %10s %9s %9s\n' endpoint "req/s" "p50 ms" "p99 ms"
printf '%-46s %10.0f %9.2f %9.2f\n' "GET /actuator/health (baseline)" "$h_rps" "$h_p50" "$h_p99"
printf '%-46s %10.0f %9.2f %9.2f\n' "POST check-in (each member once; stored/span)" "$c_rps" "$c_p50" "$c_p99"
printf '%-46s %10.0f %9.2f %9.2f\n' "GET leaderboard (top 50 of $N)" "$l_rps" "$l_p50" "$l_p99"
printf '%-46s %10.0f %9.2f %9.2f\n' "GET my calendar" "$m_rps" "$m_p50" "$m_p99"
for x in "check-in:$c_rps:$c_p99" "leaderboard:$l_rps:$l_p99" "calendar:$m_rps:$m_p99"; do
  IFS=: read -r name rps p99 <<<"$x"
  echo "ratio $name/health throughput: $(echo "scale=3; $rps / $h_rps" | bc)   p99 ratio: $(echo "scale=2; $p99 / $h_p99" | bc)"
done
[ -n "$errors" ] && echo "wrk reported: $errors"
echo "targets: >= 500 check-ins/s with p99 <= 150 ms; leaderboard and calendar p99 <= 50 ms"
