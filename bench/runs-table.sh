#!/usr/bin/env bash
# Runs-table benchmark (issue 16): a project with 200 evaluated runs (simulated TRAIN/EVALUATE steps seeded
# through the API, scored by SpurLab's metric code), then the server time of one grid refresh and the headless
# Chromium time from opening the project to the Runs tab's rows. Prints numbers and the machine's load (numbers
# measured while others build are noisy). Usage: bench/runs-table.sh [-Dbench.runs=200]
set -euo pipefail
cd "$(dirname "$0")/.."
log=app-ui/target/runs-table-bench.log
mkdir -p app-ui/target
if ! ./mvnw -B -q -pl app-ui -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=RunsTableBenchmark -Dfailsafe.failIfNoSpecifiedTests=false "$@" > "$log" 2>&1; then
  tail -60 "$log"
  exit 1
fi
grep '^RUNS-BENCH' "$log"
