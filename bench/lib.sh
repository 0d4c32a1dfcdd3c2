# Shared by the bench scripts (sourced): waiting for the server and reading wrk's output.
# Expects PORT, CONNECTIONS, DURATION and OUT to be set.

wait_healthy() {
  for _ in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "server did not become healthy" >&2; return 1
}

run() { # name url [wrk options...]
  wrk -t2 -c"$CONNECTIONS" -d5s --latency "${@:3}" "$2" > /dev/null   # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${@:3}" "$2" > "$OUT/$1.txt"
}
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }
stats() { # file -> "rps p50 p99"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/{print $2}' "$1")
  p50=$(awk '$1=="50%"{print $2}' "$1" | to_ms)
  p99=$(awk '$1=="99%"{print $2}' "$1" | to_ms)
  echo "$rps $p50 $p99"
}

machine() {
  echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m); $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
}

# The application jar: $JAR when set (e.g. another build, for an A/B), else target/shequn-*.jar, built first
# when missing. Sets JAR.
ensure_jar() {
  [ -n "${JAR:-}" ] && [ -f "$JAR" ] && return 0
  JAR=$(ls target/shequn-*.jar 2>/dev/null | head -n1 || true)
  if [ -z "$JAR" ]; then
    JAVA_HOME=$JAVA_HOME ./mvnw -q -B -DskipTests package
    JAR=$(ls target/shequn-*.jar | head -n1)
  fi
}

# start_server DB HEAP [app options...]: the jar on PostgreSQL database DB, log in $OUT/server.log, data in
# $OUT/data; waits until healthy. Per-member posting limits are for people, not for a load generator, so
# they are lifted; SERVER_ARGS adds more (e.g. SERVER_ARGS=--shequn.live.sender-threads=2) and JAVA_OPTS adds
# JVM options (e.g. JAVA_OPTS=-XX:+UseZGC). Sets server_pid
# (stop_server stops it).
server_pid=""
start_server() {
  SHEQUN_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" SHEQUN_DB_USER=$PGUSER SHEQUN_DATA_DIR="$OUT/data" \
    PORT=$PORT "$JAVA_HOME/bin/java" -Xmx"$2" ${JAVA_OPTS:-} -jar "$JAR" \
    --shequn.moderation.comments-per-member=100000000 --shequn.moderation.posts-per-member=100000000 \
    --shequn.moderation.posts-per-community=100000000 "${@:3}" ${SERVER_ARGS:-} > "$OUT/server.log" 2>&1 &
  server_pid=$!
  wait_healthy
}

stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
