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
