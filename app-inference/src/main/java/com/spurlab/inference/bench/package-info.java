/**
 * Command-line benchmarks: the demo path (TrainingBenchmark), the five training methods on any cue set
 * (MethodComparison), the cue sets' difficulty (CueSetCalibration), throughput vs PyTorch (ThroughputBenchmark),
 * native memory (NativeMemoryBenchmark), EXTRACT (ExtractionBenchmark), the AUDIT engine on 1 000 test images
 * (AuditBenchmark), counterfactual edits and their confirmation run (EditBenchmark).
 */
package com.spurlab.inference.bench;
