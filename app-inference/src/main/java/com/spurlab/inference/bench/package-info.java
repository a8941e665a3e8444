/**
 * Command-line benchmarks: the demo path (TrainingBenchmark), the five training methods on any cue set
 * (MethodComparison), the cue sets' difficulty (CueSetCalibration), throughput vs PyTorch (ThroughputBenchmark),
 * counterfactual edits and their confirmation run (EditBenchmark).
 */
package com.spurlab.inference.bench;
