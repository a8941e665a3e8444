/** Command-line benchmarks: the demo path (TrainingBenchmark), the five training methods (MethodComparison), throughput vs PyTorch (ThroughputBenchmark). */
package com.spurlab.inference.bench;
