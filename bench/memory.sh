#!/usr/bin/env bash
# Native memory benchmark (issue 4): a long GROUP_DRO training on the standard demo set, resident set
# size sampled every epoch; prints the series and its growth. Usage: bench/memory.sh [epochs] (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app-inference -am compile
cd app-inference
exec ../mvnw -B -q test-compile exec:java -Dexec.mainClass=com.spurlab.inference.bench.NativeMemoryBenchmark \
  -Dexec.args="${1:-20}"
