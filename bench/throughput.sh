#!/usr/bin/env bash
# Throughput benchmark: SpurLab (DJL) vs a reference PyTorch implementation of the same CNN and ResNet,
# 64 x 64 demo images, same data, batch size and epochs. Run from the repository root.
# Extra arguments go to ThroughputBenchmark, e.g. images=4000 epochs=2 batch=64.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
  echo "installing Debian's python3-torch for the reference implementation" >&2
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch python3-numpy; } >&2; then
    echo "python3-torch could not be installed: the reference column will say so" >&2
  fi
fi
./mvnw -B -q -pl app-inference -am compile
cd app-inference
exec ../mvnw -B -q test-compile exec:java -Dexec.mainClass=com.spurlab.inference.bench.ThroughputBenchmark \
  -Dexec.args="script=src/main/python/reference_throughput.py $*"
