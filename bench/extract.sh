#!/usr/bin/env bash
# EXTRACT benchmark (issue 11): every source on 1 000 test images of 96 px from the cue-set generator,
# several runs each with a fresh OCR cache plus one on the warm cache; prints total time, CPU time, OCR
# ms/image, heap peak, resident set size per run and the load average. Each set runs in its own JVM with
# -Xmx1g, so the heap target is enforced, not just measured.
# Usage: bench/extract.sh [set=stamped-word|background-masks] [runs=4] [images=1000] [size=96] [epochs=3]
# Without set=, runs stamped-word (OCR-heavy, image folders) and then background-masks (captions, masks).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app-inference -am compile
cd app-inference
../mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
run() {
  uptime
  java -Xmx1g -Dai.djl.offline=true -DENGINE_CACHE_DIR="$HOME/.djl.ai" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    com.spurlab.inference.bench.ExtractionBenchmark "$@"
}
if [[ " $* " == *" set="* ]]; then
  run "$@"
else
  run set=stamped-word "$@"
  run set=background-masks "$@"
fi
