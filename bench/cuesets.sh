#!/usr/bin/env bash
# Difficulty of the spurious-cue test sets (CueSetPreset): ERM's test accuracy and worst-group accuracy on
# each preset, and the core task's accuracy when the cue is balanced in training. Arguments go to
# CueSetCalibration, e.g. set=STAMPED_WORD,TEXTURE epochs=5 seeds=1 (default: every preset but the demo).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app-inference -am compile
cd app-inference
exec ../mvnw -B -q test-compile exec:java -Dexec.mainClass=com.spurlab.inference.bench.CueSetCalibration \
  -Dexec.args="${*:-set=all epochs=5 seeds=1}"
