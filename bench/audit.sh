#!/usr/bin/env bash
# AUDIT benchmark (issue 14): the audit engine on 1 000 test images — embeddings, the association test with
# 10 000 permutations, group gaps, 1 000 edited images re-scored, ODmAP@10 — after training a small ERM model
# (not timed as audit); prints the timing breakdown and the machine's load before and after (numbers measured
# while others build are noisy). Extra arguments go to AuditBenchmark, e.g. test=500 train=300 size=64 epochs=2 runs=2.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load before: $(uptime)"
./mvnw -B -q -pl app-inference -am compile
cd app-inference
../mvnw -B -q test-compile exec:java -Dexec.mainClass=com.spurlab.inference.bench.AuditBenchmark \
  -Dexec.args="${*:-test=500 train=300 size=64 epochs=2 runs=2}"
echo "load after: $(uptime)"
