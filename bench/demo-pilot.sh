#!/usr/bin/env bash
# The demo's first start, timed (issue 15): the standard demo set is uploaded and validated, the whole pilot is
# planned through POST /pilots as the demo does, and each job's wait and run time is printed as it finishes, with the
# time to the first result (the baseline's evaluation) and to the pilot's end. Prints numbers and the machine's load
# (numbers measured while others build are noisy). Usage: bench/demo-pilot.sh [-Dbench.minutes=40]
set -euo pipefail
cd "$(dirname "$0")/.."
log=app-ui/target/demo-pilot-bench.log
mkdir -p app-ui/target
if ! ./mvnw -B -q -pl app-ui -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=DemoPilotBenchmark -Dfailsafe.failIfNoSpecifiedTests=false "$@" > "$log" 2>&1; then
  tail -60 "$log"
  exit 1
fi
grep '^DEMO-PILOT' "$log"
