#!/usr/bin/env bash
# Dashboard benchmark (issue 15): a project with 200 evaluated runs (simulated TRAIN/EVALUATE steps seeded
# through the API, scored by SpurLab's metric code), then the server time of one dashboard read (with its JPA
# statements) and the headless Chromium time from opening the project to its charts drawn (target < 1.5 s).
# Prints numbers and the machine's load (numbers measured while others build are noisy).
# Usage: bench/dashboard.sh [-Dbench.runs=200]
set -euo pipefail
cd "$(dirname "$0")/.."
log=app-ui/target/dashboard-bench.log
mkdir -p app-ui/target
if ! ./mvnw -B -q -pl app-ui -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=DashboardBenchmark -Dfailsafe.failIfNoSpecifiedTests=false "$@" > "$log" 2>&1; then
  tail -60 "$log"
  exit 1
fi
grep '^DASHBOARD-BENCH' "$log"
