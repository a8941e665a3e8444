#!/usr/bin/env bash
# Method comparison (issue 4): ERM, REWEIGHT, GROUP_DRO, JTT and DFR on the standard demo set (or set=<CueSetPreset>,
# e.g. set=TEXTURE), same network, epochs and seeds; prints each run's accuracy and worst-group accuracy (bootstrap
# 95 % interval) and the means over seeds. Extra arguments go to MethodComparison, e.g. seeds=3 epochs=5 model=CNN.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app-inference -am compile
cd app-inference
exec ../mvnw -B -q test-compile exec:java -Dexec.mainClass=com.spurlab.inference.bench.MethodComparison \
  -Dexec.args="${*:-seeds=3 epochs=5 model=CNN}"
