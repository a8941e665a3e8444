#!/usr/bin/env bash
# Security load benchmark (issue 17): the packaged jar on H2 with the demo users; 100 API-token readers for
# 30 s, the same with HTTP Basic, with HTTP Basic while a guesser hammers another account, and 50
# experiment submissions at once. Prints requests/s, errors and latency percentiles.
# Usage: bench/security-load.sh [-Dbench.readers=100] [-Dbench.seconds=30] [-Dbench.submissions=50]
set -euo pipefail
cd "$(dirname "$0")/.."
export ENGINE_CACHE_DIR="${ENGINE_CACHE_DIR:-$HOME/.djl.ai}"
echo "load before: $(uptime)"
./mvnw -B -q -pl app-ui -am verify -Dit.test=SecurityLoadBenchmark -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
echo "load after: $(uptime)"
