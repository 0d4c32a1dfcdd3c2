#!/usr/bin/env bash
# Interleaved A/B of two builds on one content database: both servers run at once; each endpoint is measured
# 5 s on one, then 5 s on the other, for ROUNDS rounds after a warm-up of each, and the requests are summed per
# build. Sequential runs on a 2-core VM drift by a third within minutes; this cancels most of the drift, but the
# build measured first in a round gains on this VM, so run it twice with FIRST=A and FIRST=B and compare.
#
#   DB=shequn_bench_content_123 A=base.jar B=target/shequn-0.1.0-SNAPSHOT.jar bench/ab.sh
#   ROUNDS=4 FIRST=B ENDPOINTS="health post" ... bench/ab.sh
#
# DB is a database made by `KEEP_DB=1 GENERATE_ONLY=1 bench/content.sh`. Only talks to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DB:?DB names a content database}" "${A:?A is a jar}" "${B:?B is a jar}"
ROUNDS=${ROUNDS:-6}
FIRST=${FIRST:-A}
ENDPOINTS=${ENDPOINTS:-health latest post search comment}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
start() { # jar port
  SHEQUN_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SHEQUN_DB_USER=$PGUSER SHEQUN_DATA_DIR=bench/results/ab-$2 PORT=$2 \
    "$JAVA_HOME/bin/java" -Xmx1g -jar "$1" --shequn.moderation.comments-per-member=100000000 \
    --shequn.moderation.posts-per-member=100000000 --shequn.moderation.posts-per-community=100000000 \
    > bench/results/ab-server-$2.log 2>&1 &
  echo $!
}
mkdir -p bench/results
PA=$(start "$A" 18081); PB=$(start "$B" 18082)
trap 'kill $PA $PB 2>/dev/null || true' EXIT
for p in 18081 18082; do
  for _ in $(seq 1 120); do curl -sf -m 2 "http://127.0.0.1:$p/actuator/health" >/dev/null && break; sleep 1; done
done
read -r _ BIG <<<"$(psql -qtA -d "$DB" -c "select string_agg(slug, ' ' order by id) from communities")"
NEWEST=$(psql -qtA -d "$DB" -c "select max(id) from posts where community_id = (select id from communities where slug = '$BIG')")
psql -q -d "$DB" -v slug="$BIG" -f bench/member-tokens.sql
export BENCH_MEMBERS=32
declare -A paths=([health]="/actuator/health" [latest]="/api/v1/communities/$BIG/posts?view=latest"
  [post]="/api/v1/communities/$BIG/posts/$NEWEST" [search]="/api/v1/communities/$BIG/search?q=%E7%A4%BE%E7%BE%A4%E8%BF%90%E8%90%A5"
  [comment]="/api/v1/communities/$BIG/posts/0/comments")
ports=(18081 18082); [ "$FIRST" = B ] && ports=(18082 18081)
for name in $ENDPOINTS; do
  [ "$name" = comment ] && continue
  for p in 18081 18082; do wrk -t2 -c32 -d8s -s bench/members.lua "http://127.0.0.1:$p${paths[$name]}" > /dev/null; done
done
for name in $ENDPOINTS; do
  ta=0; tb=0
  for _ in $(seq 1 "$ROUNDS"); do
    for p in "${ports[@]}"; do
      if [ "$name" = comment ]; then
        out=$(BENCH_COMMENT_POSTS="$((NEWEST - 9999)):$NEWEST" wrk -t2 -c32 -d5s -s bench/members.lua \
          -H "Prefer: return=minimal" "http://127.0.0.1:$p${paths[$name]}")
      else
        out=$(wrk -t2 -c32 -d5s -s bench/members.lua "http://127.0.0.1:$p${paths[$name]}")
      fi
      n=$(echo "$out" | awk '/requests in/{print $1}')
      if [ "$p" = 18081 ]; then ta=$((ta + n)); else tb=$((tb + n)); fi
    done
  done
  echo "$name A=$ta B=$tb B/A=$(echo "scale=3; $tb / $ta" | bc) (first: $FIRST)"
done
