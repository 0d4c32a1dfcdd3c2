#!/usr/bin/env bash
# Load benchmark of content (issue 3) against PostgreSQL: one community with POSTS posts and COMMENTS comments
# (default 1,000,000 and 5,000,000) and a small one with SMALL_POSTS (10,000) to show the feed's cost does not
# grow with the community. The trivial health endpoint of the same server, in the same run, is the baseline.
#
#   bench/content.sh                                   # full size: generation takes several minutes
#   POSTS=100000 COMMENTS=500000 DURATION=10s bench/content.sh
#
#   KEEP_DB=1 bench/content.sh                         # keeps the generated database (its name is printed)
#   DB=shequn_bench_content_123 bench/content.sh       # reuses that database: no generation
#   WARMUP=10s bench/content.sh                        # the unmeasured pass per endpoint (default 20s)
#
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres), wrk, a JDK >= 21. Only talks to
# 127.0.0.1. The bench database is dropped at the end unless KEEP_DB is set or DB names an existing one.
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${POSTS:-1000000}
COMMENTS=${COMMENTS:-5000000}
SMALL_POSTS=${SMALL_POSTS:-10000}
MEMBERS=${MEMBERS:-2000}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-30s}
PORT=${PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
REUSE=""
if [ -n "${DB:-}" ]; then REUSE=1; KEEP_DB=1; else DB=shequn_bench_content_$$; fi
OUT=bench/results/content
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
echo "== load before: $(uptime)"
# Autovacuum is PostgreSQL's default and what production has; some CI images turn it off, and then every
# comment's dead row versions pile up in posts and event_publication and the write rate sinks run after run.
[ "$(psql -qtA -d postgres -c 'show autovacuum')" = on ] || echo "!! autovacuum is off on this PostgreSQL: write figures will sink run after run (ALTER SYSTEM SET autovacuum = on)" >&2

[ -z "$REUSE" ] && psql -q -d postgres -c "create database $DB"
echo "== database $DB${KEEP_DB:+ (kept)}"
start_server "$DB" 1g

if [ -z "$REUSE" ]; then
  echo "== generating 2 communities sharing $MEMBERS members; $SMALL_POSTS posts in one, $POSTS posts + $COMMENTS comments in the other"
  t0=$(date +%s)
  psql -q -d "$DB" -v communities=2 -v members="$MEMBERS" -f bench/generate.sql > "$OUT/generate-members.log"
  read -r SMALL BIG <<<"$(psql -qtA -d "$DB" -c "select string_agg(slug, ' ' order by id) from communities")"
  psql -q -d "$DB" -v slug="$SMALL" -v posts="$SMALL_POSTS" -v comments="$((SMALL_POSTS * 5))" -f bench/generate-content.sql > "$OUT/generate-small.log"
  psql -q -d "$DB" -v slug="$BIG" -v posts="$POSTS" -v comments="$COMMENTS" -f bench/generate-content.sql > "$OUT/generate-big.log"
  echo "   done in $(( $(date +%s) - t0 )) s: $(tail -n 3 "$OUT/generate-big.log" | head -n 1 | xargs) (posts | comments | search terms | newest post)"
  grep -E '^(Time|INSERT|CREATE)' "$OUT/generate-big.log" > "$OUT/generate-big-phases.log" || true
fi
read -r SMALL BIG <<<"$(psql -qtA -d "$DB" -c "select string_agg(slug, ' ' order by id) from communities")"
POSTS=$(psql -qtA -d "$DB" -c "select count(*) from posts where community_id = (select id from communities where slug = '$BIG')")
SMALL_POSTS=$(psql -qtA -d "$DB" -c "select count(*) from posts where community_id = (select id from communities where slug = '$SMALL')")
NEWEST=$(psql -qtA -d "$DB" -c "select max(id) from posts where community_id = (select id from communities where slug = '$BIG')")
[ -n "${GENERATE_ONLY:-}" ] && { echo "   generated $DB (GENERATE_ONLY)"; exit 0; }
psql -q -d "$DB" -v slug="$BIG" -f bench/member-tokens.sql

# Readers and writers are 32 different members (bench/members.lua), not one account 32 times over; comments
# go to random posts among the newest 10,000, asking for the minimal answer (Prefer: return=minimal) as a
# client that only writes would.
MEMBERS_LUA=(-s bench/members.lua)
export BENCH_MEMBERS=32
AUTH=(-H "Authorization: Bearer shq_bench_member_1")
API="http://127.0.0.1:$PORT/api/v1/communities"
HEALTH_URL="http://127.0.0.1:$PORT/actuator/health"
LATEST_BIG="$API/$BIG/posts?view=latest"
LATEST_SMALL="$API/$SMALL/posts?view=latest"
HOT_BIG="$API/$BIG/posts?view=hot"
POST_PAGE="$API/$BIG/posts/$NEWEST"
SEARCH="$API/$BIG/search?q=%E7%A4%BE%E7%BE%A4%E8%BF%90%E8%90%A5"          # 社群运营: two very common words
SEARCH_RARE="$API/$BIG/search?q=%E8%A1%A8%E6%83%85%E5%8C%85%20%E6%89%93%E5%8D%A1"  # 表情包 打卡
COMMENT="$API/$BIG/posts/0/comments"
for u in "$LATEST_BIG" "$POST_PAGE" "$SEARCH"; do
  curl -sf "${AUTH[@]}" "$u" -o "$OUT/sample.json" || { echo "sample request failed: $u" >&2; exit 1; }
done
echo "   post page sample: $(head -c 200 "$OUT/sample.json")…"

row() { # label file
  read -r rps p50 p99 <<<"$(stats "$2")"
  printf '%-52s %10.0f %9.2f %9.2f\n' "$1" "$rps" "$p50" "$p99"
}
# One pass over every read endpoint first: the JIT compiles the shared paths (security, JSON, JDBC) before
# anything is measured, the baseline included (a cold health run measured half of a warm one). WARMUP per
# endpoint: on a slow 2-core VM the health endpoint still gained 2-3x over its first two minutes of load.
for u in "$HEALTH_URL" "$LATEST_SMALL" "$LATEST_BIG" "$HOT_BIG" "$POST_PAGE" "$SEARCH"; do
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-20s}" -s bench/members.lua "$u" > /dev/null
done
run health "$HEALTH_URL"
run latest-small "$LATEST_SMALL" "${MEMBERS_LUA[@]}"
run latest-big "$LATEST_BIG" "${MEMBERS_LUA[@]}"
hot=""
if curl -sf "${AUTH[@]}" "$HOT_BIG" -o /dev/null; then run hot-big "$HOT_BIG" "${MEMBERS_LUA[@]}"; hot=1; fi
run post-page "$POST_PAGE" "${MEMBERS_LUA[@]}"
run search-common "$SEARCH" "${MEMBERS_LUA[@]}"
run search-rare "$SEARCH_RARE" "${MEMBERS_LUA[@]}"
before=$(psql -qtA -d "$DB" -c "select count(*) from comments")
export BENCH_COMMENT_POSTS="$((NEWEST - 9999)):$NEWEST"
run comment "$COMMENT" "${MEMBERS_LUA[@]}" -H "Prefer: return=minimal"
unset BENCH_COMMENT_POSTS
after=$(psql -qtA -d "$DB" -c "select count(*) from comments")

echo "== $CONNECTIONS connections, $DURATION per endpoint, server -Xmx1g on PostgreSQL"
printf '%-52s %10s %9s %9s\n' endpoint "req/s" "p50 ms" "p99 ms"
row "GET /actuator/health (baseline)" "$OUT/health.txt"
row "latest feed, $SMALL_POSTS posts" "$OUT/latest-small.txt"
row "latest feed, $POSTS posts" "$OUT/latest-big.txt"
[ -n "$hot" ] && row "hot feed, $POSTS posts" "$OUT/hot-big.txt"
row "post with 50 comments" "$OUT/post-page.txt"
row "search 社群运营 (common words)" "$OUT/search-common.txt"
row "search 表情包 打卡" "$OUT/search-rare.txt"
row "POST a comment" "$OUT/comment.txt"
read -r _ small_p50 _ <<<"$(stats "$OUT/latest-small.txt")"
read -r _ big_p50 _ <<<"$(stats "$OUT/latest-big.txt")"
read -r h_rps _ _ <<<"$(stats "$OUT/health.txt")"
read -r l_rps _ _ <<<"$(stats "$OUT/latest-big.txt")"
echo "latest feed p50 at $POSTS vs $SMALL_POSTS posts: $(echo "scale=2; $big_p50 / $small_p50" | bc)x (target <= 1.5x)"
echo "latest feed / health throughput: $(echo "scale=3; $l_rps / $h_rps" | bc)"
echo "comments written during the POST runs (warm-up included): $((after - before)) (wrk counts responses; non-2xx below)"
grep -H -E 'Non-2xx|Socket errors' "$OUT"/*.txt || true
echo "targets: feeds p99 <= 50 ms and >= 1000 req/s; post page p99 <= 80 ms; >= 300 comments/s; search p99 <= 150 ms"
echo "== load after: $(uptime)"
