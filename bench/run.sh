#!/usr/bin/env bash
# Load benchmark of the member directory against PostgreSQL, with the trivial health endpoint of the same
# server measured in the same run as the baseline. Prints requests/s, p50 and p99 for both, and ratios.
#
#   bench/run.sh                       # 1 community of 100,000 members, 32 connections, 30 s per endpoint
#   MEMBERS=20000 COMMUNITIES=4 DURATION=15s bench/run.sh
#
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres), wrk (apt-get install wrk),
# a JDK >= 21. Only talks to 127.0.0.1. The bench database is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-100000}
COMMUNITIES=${COMMUNITIES:-1}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-30s}
PORT=${PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
. bench/lib.sh
DB=shequn_bench_$$
OUT=bench/results
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }

ensure_jar
cleanup() {
  stop_server
  psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  rm -rf "$OUT/cold-start-data"
}
trap cleanup EXIT

machine

# 1. Cold start of the embedded default (fresh H2 file, migrations included), three times: median.
starts=()
for i in 1 2 3; do
  rm -rf "$OUT/cold-start-data"
  t0=$(date +%s.%N)
  SHEQUN_DATA_DIR="$OUT/cold-start-data" SHEQUN_DB_URL="jdbc:h2:file:./$OUT/cold-start-data/shequn;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    PORT=$PORT "$JAVA_HOME/bin/java" -Xmx512m -jar "$JAR" > "$OUT/cold-start.log" 2>&1 &
  server_pid=$!
  wait_healthy
  t1=$(date +%s.%N)
  starts+=("$(echo "$t1 - $t0" | bc)")
  stop_server
done
cold=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
echo "== cold start (embedded H2, until /actuator/health is UP): ${starts[*]} s; median ${cold} s"

# 2. PostgreSQL with generated data.
psql -q -d postgres -c "create database $DB"
start_server "$DB" 512m
echo "== generating $COMMUNITIES community(ies), $MEMBERS members"
t0=$(date +%s)
psql -q -d "$DB" -v communities="$COMMUNITIES" -v members="$MEMBERS" -f bench/generate.sql > "$OUT/generate.log"
SLUG=$(tail -n 3 "$OUT/generate.log" | grep -o 'bench-[a-z0-9-]*' | head -n1)
echo "   done in $(( $(date +%s) - t0 )) s: $(grep -A2 directory_entries "$OUT/generate.log" | tail -n1 | xargs) (entries | tags); community $SLUG"

TOKEN=shq_bench_token_for_load_runs_only
DIR_URL="http://127.0.0.1:$PORT/api/v1/communities/$SLUG/members?city=%E5%8C%97%E4%BA%AC&skill=java&limit=20"
HEALTH_URL="http://127.0.0.1:$PORT/actuator/health"
curl -sf -H "Authorization: Bearer $TOKEN" "$DIR_URL" -o "$OUT/sample.json"
echo "   sample: $(head -c 240 "$OUT/sample.json")…"

run health "$HEALTH_URL"
run directory "$DIR_URL" -H "Authorization: Bearer $TOKEN"
read -r h_rps h_p50 h_p99 <<<"$(stats "$OUT/health.txt")"
read -r d_rps d_p50 d_p99 <<<"$(stats "$OUT/directory.txt")"
errors=$(grep -h -E 'Non-2xx|Socket errors' "$OUT/directory.txt" "$OUT/health.txt" || true)

echo "== $CONNECTIONS connections, $DURATION per endpoint, server -Xmx512m on PostgreSQL"
printf '%-44s %10s %9s %9s\n' endpoint "req/s" "p50 ms" "p99 ms"
printf '%-44s %10.0f %9.2f %9.2f\n' "GET /actuator/health (baseline)" "$h_rps" "$h_p50" "$h_p99"
printf '%-44s %10.0f %9.2f %9.2f\n' "GET directory (city+skill filter, 20 rows)" "$d_rps" "$d_p50" "$d_p99"
echo "ratio directory/health throughput: $(echo "scale=3; $d_rps / $h_rps" | bc)   p99 ratio: $(echo "scale=2; $d_p99 / $h_p99" | bc)"
[ -n "$errors" ] && echo "wrk reported: $errors"
echo "targets: directory p99 <= 50 ms, throughput >= 1/3 of health, cold start <= 10 s"
