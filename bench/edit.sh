#!/usr/bin/env bash
# EDIT benchmark (issue 12): edits/s of each operation on 96 px images, the segmentation network's training time and
# ms/image, and one confirmation run of 1 000 REPLACE_BACKGROUND edits + controls + predictions (target < 60 s on the
# 2-core machine). Prints the load average next to every figure. Extra arguments go to EditBenchmark, e.g.
# images=1000 size=96 epochs=1 masks=200 segEpochs=8 onnx=/path/model.onnx
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app-inference -am compile
cd app-inference
echo "uptime: $(uptime)"
../mvnw -B -q test-compile exec:java -Dexec.mainClass=com.spurlab.inference.bench.EditBenchmark -Dexec.args="$*"
echo "uptime: $(uptime)"
