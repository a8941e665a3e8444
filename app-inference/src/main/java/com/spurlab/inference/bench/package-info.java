/** Command-line benchmarks: the demo path (TrainingBenchmark), the five training methods (MethodComparison), throughput vs PyTorch (ThroughputBenchmark), native memory (NativeMemoryBenchmark), EXTRACT (ExtractionBenchmark). */
package com.spurlab.inference.bench;
