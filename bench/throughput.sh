#!/usr/bin/env bash
# Throughput benchmark: SpurLab (DJL) vs a reference PyTorch implementation of the same CNN and ResNet,
# 64 x 64 demo images, same data, batch size, epochs, threads and input scaling; each side run several
# times alternately (runs=3), median and spread, load average before/after every run; plus SpurLab
# embedding a 5 000-image split from PNG files. Run from the repository root on a machine as quiet as
# you can get; the last line reads `ratio train cnn=<x> resnet=<y> infer cnn=<z> resnet=<w>`.
# Extra arguments go to ThroughputBenchmark, e.g. runs=5 images=2048 epochs=2 batch=64 threads=2 tuned=false.
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
