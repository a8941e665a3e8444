#!/usr/bin/env bash
# SYNTHESIZE benchmark (issue 13): images added per second (5 000 at 96 px; target < 60 s on the 2-core machine),
# and test worst-group accuracy of ERM on the original vs on the derived version next to GroupDRO and DFR, on a
# background cue with masks and on a stamped word read by OCR (mean over seeds). Prints the load average and CPU
# time next to the figures: on a shared machine wall times are noisy. Extra arguments go to SynthesisBenchmark, e.g.
# parts=speed,wga sets=background-masks,stamped-word seeds=3 epochs=5 train=500 val=100 test=200 added=5000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app-inference -am compile
cd app-inference
echo "uptime: $(uptime)"
../mvnw -B -q test-compile exec:java -Dexec.mainClass=com.spurlab.inference.bench.SynthesisBenchmark -Dexec.args="$*"
echo "uptime: $(uptime)"
