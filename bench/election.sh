#!/usr/bin/env bash
# The election count (issue 14's benchmark): 500 voters, 50 candidates, 10 seats, counted with sequential Phragmén;
# median and worst of several runs beside a trivial baseline from the same run. Pure CPU, no database, one core.
#
#   bench/election.sh                      # after ./mvnw -q -DskipTests compile
#   RUNS=15 VOTERS=2000 bench/election.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -d target/classes/org/shequn/voting ] || ./mvnw -q -DskipTests compile
"$JAVA_HOME/bin/java" -cp target/classes -Druns="${RUNS:-9}" -Dvoters="${VOTERS:-500}" \
  -Dcandidates="${CANDIDATES:-50}" -Dseats="${SEATS:-10}" bench/ElectionCount.java
