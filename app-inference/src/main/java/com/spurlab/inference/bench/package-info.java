/**
 * Command-line benchmarks: the demo path (TrainingBenchmark), the five training methods (MethodComparison),
 * throughput vs PyTorch (ThroughputBenchmark), counterfactual edits and their confirmation run (EditBenchmark).
 */
package com.spurlab.inference.bench;
