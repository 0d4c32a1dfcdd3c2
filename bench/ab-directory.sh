#!/usr/bin/env bash
# Interleaved A/B of two builds on the member directory (as bench/ab.sh does for the content endpoints): both
# servers run at once on one directory database; each is measured 5 s in turn for ROUNDS rounds after a warm-up,
# and requests are summed per build, which cancels most of this 2-core VM's drift. Run it with FIRST=A and FIRST=B.
#
#   DB=shequn_dir A=base.jar B=target/shequn-0.1.0-SNAPSHOT.jar bench/ab-directory.sh
#   DB=shequn_dir A=x.jar B=x.jar A_OPTS= B_OPTS=-XX:+UseZGC bench/ab-directory.sh     # two JVM settings
#
# Prints the requests of each build summed over the rounds, and the median of the rounds' p99.
# DB is a database of bench/generate.sql (made here when missing: MEMBERS, default 100,000); -Xmx512m as in
# bench/run.sh. Only talks to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DB:?DB names a directory database}" "${A:?A is a jar}" "${B:?B is a jar}"
ROUNDS=${ROUNDS:-6}
FIRST=${FIRST:-A}
MEMBERS=${MEMBERS:-100000}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
start() { # jar port jvm-options
  SHEQUN_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SHEQUN_DB_USER=$PGUSER SHEQUN_DATA_DIR=bench/results/ab-$2 PORT=$2 \
    "$JAVA_HOME/bin/java" -Xmx512m $3 -jar "$1" > bench/results/ab-server-$2.log 2>&1 &
  echo $!
}
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
healthy() { for _ in $(seq 1 240); do curl -sf -m 2 "http://127.0.0.1:$1/actuator/health" >/dev/null && return 0; sleep 0.5; done; return 1; }
mkdir -p bench/results
fresh=0
psql -qtA -d "$DB" -c 'select 1' >/dev/null 2>&1 || { psql -q -d postgres -c "create database $DB"; fresh=1; }
PA=$(start "$A" 18081 "${A_OPTS:-}")
trap 'kill $PA ${PB:-} 2>/dev/null || true' EXIT
healthy 18081
if [ "$fresh" = 1 ]; then
  psql -q -d "$DB" -v communities=1 -v members="$MEMBERS" -f bench/generate.sql > bench/results/ab-generate.log
fi
PB=$(start "$B" 18082 "${B_OPTS:-}"); healthy 18082
SLUG=$(psql -qtA -d "$DB" -c "select slug from communities where slug like 'bench-%' order by id limit 1")
TOKEN=shq_bench_token_for_load_runs_only
DIR="/api/v1/communities/$SLUG/members?city=%E5%8C%97%E4%BA%AC&skill=java&limit=20"
ports=(18081 18082); [ "$FIRST" = B ] && ports=(18082 18081)
for p in 18081 18082; do wrk -t2 -c32 -d8s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$p$DIR" > /dev/null; done
for name in health directory; do
  path=$DIR; [ "$name" = health ] && path=/actuator/health
  ta=0; tb=0; pa=(); pb=()
  for _ in $(seq 1 "$ROUNDS"); do
    for p in "${ports[@]}"; do
      out=$(wrk -t2 -c32 -d5s --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$p$path")
      n=$(echo "$out" | awk '/requests in/{print $1}')
      p99=$(echo "$out" | awk '$1=="99%"{print $2}' | to_ms)
      if [ "$p" = 18081 ]; then ta=$((ta + n)); pa+=("$p99"); else tb=$((tb + n)); pb+=("$p99"); fi
    done
  done
  echo "$name A=$ta B=$tb B/A=$(echo "scale=3; $tb / $ta" | bc) (first: $FIRST); median p99 ms A=$(median "${pa[@]}") B=$(median "${pb[@]}")"
done
